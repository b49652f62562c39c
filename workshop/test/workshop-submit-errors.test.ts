import { writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EmbeddedRuntime } from '@debug-drills/grader'
import { eventually, runDrill, tempCheckout } from '@debug-drills/test-support'
import { referenceFix, startTestServer, tempStateDir, type TestServer } from './support/workshop.js'

const SCENARIO = 'tutorial'

let state: ReturnType<typeof tempStateDir>
let server: TestServer

beforeAll(async () => {
  state = tempStateDir()
  // One grading slot on the embedded runtime: the fix sent with Windows line endings is graded in full.
  server = await startTestServer({ stateDir: state.path, workers: 1, runtime: new EmbeddedRuntime() })
})

afterAll(async () => {
  await server?.stop()
  state?.[Symbol.dispose]()
})

async function runningWorkshop() {
  const token = server.facilitatorToken
  const created = await server.api<{ id: string; joinCode: string }>('POST', '/api/workshops', {
    token,
    body: { title: `Errors ${Math.random().toString(36).slice(2, 6)}`, scenarios: [SCENARIO], durationMinutes: 30 }
  })
  expect(created.status).toBe(201)
  expect((await server.api('POST', `/api/workshops/${created.body.id}/start`, { token })).status).toBe(200)
  return created.body
}

/** A trainee's checkout that joined a running workshop and started the drill. */
async function startedCheckout(name: string) {
  const workshop = await runningWorkshop()
  const checkout = tempCheckout()
  const joined = await runDrill(['join', server.url, workshop.joinCode, '--name', name], { cwd: checkout.root })
  expect(joined.exitCode, joined.stderr).toBe(0)
  const started = await runDrill(['start', SCENARIO, '--yes'], { cwd: checkout.root })
  expect(started.exitCode, started.stderr).toBe(0)
  return checkout
}

let trainees = 0
async function newTrainee(code: string) {
  const joined = await server.api<{ token: string }>('POST', '/api/join', { body: { code, name: `trainee-${trainees++}` } })
  expect(joined.status).toBe(201)
  return joined.body.token
}

describe('drill submit: errors a trainee can act on', () => {
  it('says a diff over the limit is too large before sending it: the limit, its size, the largest files and what to leave out', async () => {
    using checkout = await startedCheckout('big')
    // A generated file of about 2 MB in the service's source.
    writeFileSync(join(checkout.root, 'services', 'greetings', 'src', 'generated-table.ts'), `export const table = [\n${'  "0123456789abcdef0123456789abcdef",\n'.repeat(55_000)}]\n`)
    const submitted = await runDrill(['submit'], { cwd: checkout.root })
    const output = submitted.stdout + submitted.stderr
    expect(submitted.exitCode, output).toBe(2)
    expect(output).toMatch(/too large: the diff of services\/greetings is 2,\d{3} KB, and the workshop server takes at most 256 KB/)
    expect(output).toMatch(/largest changes: src\/generated-table\.ts \(2,\d{3} KB\)/)
    expect(output).toMatch(/generated files, lockfiles/)
    expect(output).not.toMatch(/cannot reach|\n\s+at /i)
  })

  it('says a diff too large even to read (over 64 MB) is too large, instead of a bug in drill with a stack trace', async () => {
    using checkout = await startedCheckout('huge')
    writeFileSync(join(checkout.root, 'services', 'greetings', 'src', 'generated-table.ts'), `export const table = [\n${'  "0123456789abcdef0123456789abcdef",\n'.repeat(2_000_000)}]\n`)
    const submitted = await runDrill(['submit'], { cwd: checkout.root })
    const output = submitted.stdout + submitted.stderr
    expect(submitted.exitCode, output).toBe(2)
    expect(output).toMatch(/too large: the changes to services\/greetings make a diff of more than 64 MB, and the workshop server takes 256 KB/)
    expect(output).not.toMatch(/bug in drill|\n\s+at /i)
  })

  it('shows the server\'s 413 when the request is over the server\'s limit though the diff is not: the limit, the size and what to leave out', async () => {
    using checkout = await startedCheckout('escapes')
    // 200 KB of control characters: a diff under the limit, but JSON writes each as six bytes.
    writeFileSync(join(checkout.root, 'services', 'greetings', 'src', 'noise.ts'), `export const noise = '${'\u0001'.repeat(200 * 1024)}'\n`)
    const submitted = await runDrill(['submit'], { cwd: checkout.root })
    const output = submitted.stdout + submitted.stderr
    expect(submitted.exitCode, output).toBe(2)
    expect(output).toMatch(/The workshop server says: The submission is too large: this server reads requests of up to 1,024 KB \(a diff of up to 256 KB\), and this one is 1,\d{3} KB\./)
    expect(output).toMatch(/generated files, lockfiles/)
    expect(output).not.toMatch(/cannot reach|\n\s+at /i)
  })

  it('answers 413 to a client still sending an over-limit body, and lets it finish instead of closing the connection under it', async () => {
    const workshop = await runningWorkshop()
    const token = await newTrainee(workshop.joinCode)
    const body = Buffer.from(JSON.stringify({ scenario: SCENARIO, diff: '+x\n'.repeat(1_000_000) }))
    const { hostname, port } = new URL(server.url)
    const socket = connect({ host: hostname, port: Number(port), allowHalfOpen: true })
    const received: Buffer[] = []
    let closedBy: string | undefined
    socket.on('data', (chunk: Buffer) => received.push(chunk))
    socket.on('end', () => (closedBy ??= 'the server ended the connection'))
    socket.on('error', (error: NodeJS.ErrnoException) => (closedBy ??= `error ${error.code}`))
    // As over a slow network: the answer comes while most of the body is still to be sent.
    socket.write(`POST /api/submissions HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`)
    const chunk = 64 * 1024
    let sent = 0
    for (; sent < body.length && closedBy === undefined; sent += chunk) {
      socket.write(body.subarray(sent, sent + chunk))
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    await new Promise((resolve) => setTimeout(resolve, 300))
    socket.destroy()
    const answer = Buffer.concat(received).toString()
    expect({ closedBy, sent: Math.min(sent, body.length) }, answer).toEqual({ closedBy: undefined, sent: body.length })
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error).toMatch(/too large/)
  })

  it('takes a correct fix whose diff has Windows line endings (CRLF), as the same fix with plain ones', async () => {
    const workshop = await runningWorkshop()
    const token = await newTrainee(workshop.joinCode)
    const crlf = referenceFix(SCENARIO).replaceAll('\n', '\r\n')
    const answer = await server.api<{ error?: string; id: string }>('POST', '/api/submissions', { token, body: { scenario: SCENARIO, diff: crlf } })
    expect(answer.status, answer.body.error).toBe(202)
    const verdict = await eventually(
      'the verdict',
      async () => {
        const { body } = await server.api<{ status: string; report: unknown }>('GET', `/api/submissions/${answer.body.id}`, { token })
        return ['passed', 'failed', 'error'].includes(body.status) ? body : undefined
      },
      120_000
    )
    expect(verdict.status, JSON.stringify(verdict.report)).toBe('passed')
  })

  it('still says "another commit" for a stale diff, with plain or Windows line endings', async () => {
    const workshop = await runningWorkshop()
    const stale = referenceFix(SCENARIO).replace(/^-(?!--).*$/m, '-a line the shipped file never had')
    for (const diff of [stale, stale.replaceAll('\n', '\r\n')]) {
      const token = await newTrainee(workshop.joinCode)
      const answer = await server.api<{ error: string }>('POST', '/api/submissions', { token, body: { scenario: SCENARIO, diff } })
      expect(answer.status).toBe(409)
      expect(answer.body.error).toMatch(/does not apply.*another commit than the server's/s)
    }
  })
})
