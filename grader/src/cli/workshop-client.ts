import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Static, TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { z } from 'zod'
import { UsageError } from '../errors.js'
import { drillDir } from '../workspace/drill-dir.js'
import { contractErrors, ErrorAnswer, formatKilobytes, MAX_REQUEST_BYTES, tooLargeAdvice } from '@debug-drills/workshop-contract'

/** What `drill join` keeps: where the workshop is and the trainee's token (only here, mode 600). */
export const JoinedWorkshopSchema = z.object({
  url: z.string().url(),
  workshopId: z.string(),
  title: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  scenarios: z.array(z.string()),
  token: z.string()
})

export type JoinedWorkshop = z.infer<typeof JoinedWorkshopSchema>

export function joinedWorkshopPath(repoRoot: string): string {
  return process.env.DRILL_WORKSHOP_FILE ?? drillDir(repoRoot, 'workshop.json')
}

export async function readJoinedWorkshop(repoRoot: string): Promise<JoinedWorkshop | undefined> {
  const path = joinedWorkshopPath(repoRoot)
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    return undefined
  }
  try {
    return JoinedWorkshopSchema.parse(JSON.parse(text))
  } catch {
    throw new UsageError(`${path} is not a workshop file drill can read (it may have been edited or cut short). Join again with \`drill join <url> <code> --name <name>\`, which replaces it.`)
  }
}

export async function requireJoinedWorkshop(repoRoot: string, command: string): Promise<JoinedWorkshop> {
  const joined = await readJoinedWorkshop(repoRoot)
  if (!joined) throw new UsageError(`\`drill ${command}\` is for workshops, and you have not joined one. Join with \`drill join <url> <code> --name <your name>\` (the board shows both); outside a workshop, \`drill check\` grades locally.`)
  return joined
}

export async function saveJoinedWorkshop(repoRoot: string, joined: JoinedWorkshop): Promise<string> {
  const path = joinedWorkshopPath(repoRoot)
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, `${JSON.stringify(joined, null, 2)}\n`, { mode: 0o600 })
  await chmod(path, 0o600)
  return path
}

export async function forgetJoinedWorkshop(repoRoot: string): Promise<boolean> {
  try {
    await rm(joinedWorkshopPath(repoRoot))
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** How a connection ends when the server closes it under a request still being sent. */
const CUT_OFF = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET'])

/**
 * A workshop API call whose answer is read with its schema from @debug-drills/workshop-contract; failures become
 * one-paragraph messages, the server's own when it sent one.
 */
export async function workshopApi<T extends TSchema>(
  url: string,
  path: string,
  schema: T,
  init: { method?: string; token?: string; body?: unknown; signal?: AbortSignal } = {}
): Promise<Static<T>> {
  const payload = init.body !== undefined ? JSON.stringify(init.body) : undefined
  const payloadBytes = payload === undefined ? 0 : Buffer.byteLength(payload)
  let response: Response
  let text: string
  try {
    response = await fetch(new URL(path, url), {
      method: init.method ?? 'GET',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {})
      },
      ...(payload !== undefined ? { body: payload } : {}),
      ...(init.signal ? { signal: init.signal } : {})
    })
    text = await response.text()
  } catch (error) {
    if (init.signal?.aborted) throw error
    const cause = (error as { cause?: { code?: string; message?: string } }).cause
    const reason = cause?.code ?? cause?.message ?? (error as Error).message
    // A server may close the connection on a body over its limit; over a network the client
    // then often sees only the reset, not the server's answer.
    if (payloadBytes > MAX_REQUEST_BYTES && CUT_OFF.has(cause?.code ?? '')) {
      throw new UsageError(
        `The workshop server at ${url} closed the connection (${reason}) while a request of ${formatKilobytes(payloadBytes)} was being sent, more than the ${formatKilobytes(MAX_REQUEST_BYTES)} it reads: the submission is too large. ${tooLargeAdvice()}`
      )
    }
    throw new UsageError(`Cannot reach the workshop server at ${url} (${reason}). Check the address with the facilitator and that this machine can reach it.`)
  }
  let body: unknown
  try {
    body = text ? JSON.parse(text) : {}
  } catch {
    throw new UsageError(`${url} answered ${response.status} with something that is not the workshop API. Is that the address \`drill serve\` printed?`)
  }
  if (!response.ok) {
    throw new WorkshopApiError(response.status, Value.Check(ErrorAnswer, body) ? body.error : `HTTP ${response.status}`)
  }
  return parseAnswer(schema, body, { url, path })
}

/** An answer that follows the contract, or a message that the server speaks another version of the API. */
export function parseAnswer<T extends TSchema>(schema: T, body: unknown, { url, path }: { url: string; path: string }): Static<T> {
  if (Value.Check(schema, body)) return body
  const [first] = contractErrors(schema, body)
  const problem = first ? `${first.field || 'the answer'} ${first.message}` : 'it does not match'
  throw new WorkshopVersionError(url, path, problem)
}

/** The server answered in a form this client does not read: waiting or retrying does not help. */
export class WorkshopVersionError extends UsageError {
  constructor(url: string, path: string, problem: string) {
    super(
      `The workshop server at ${url} answered ${path} in a form this drill does not read (${problem}): it speaks another version of the workshop API. Update this checkout and the server's to the same commit (\`git pull\` in both, then restart \`drill serve\`), and try again.`
    )
  }
}

export class WorkshopApiError extends UsageError {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(`The workshop server says: ${message}`, status === 429 ? 3 : 2)
  }
}
