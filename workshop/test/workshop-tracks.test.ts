import { describe, expect, it } from 'vitest'
import { EmbeddedRuntime } from '@debug-drills/grader'
import { eventually, expectNoGradingProcesses } from '@debug-drills/test-support'
import { referenceFix, startTestServer, tempStateDir, type TestServer } from './support/workshop.js'

interface Catalogue {
  scenarios: { id: string }[]
  tracks: { id: string; title: string; scenarios: string[] }[]
}

interface Board {
  entries: { name: string; solves: { scenario: string }[] }[]
}

async function graded(server: TestServer, token: string, id: string) {
  return eventually(
    `submission ${id} graded`,
    async () => {
      const { body } = await server.api<{ status: string; scenario: string; report: unknown }>('GET', `/api/submissions/${id}`, { token })
      return ['passed', 'failed', 'error'].includes(body.status) ? body : undefined
    },
    240_000
  )
}

describe('every track runs as a workshop', () => {
  it('a facilitator creates a workshop from each track, its trainees submit every drill of it, and the server grades each fix as passed', async () => {
    using state = tempStateDir()
    const server = await startTestServer({ stateDir: state.path, workers: 2, runtime: new EmbeddedRuntime() })
    try {
      const token = server.facilitatorToken
      const { body: catalogue } = await server.api<Catalogue>('GET', '/api/scenarios')
      expect(catalogue.tracks.map((track) => track.id)).toEqual(expect.arrayContaining(['onboarding-week', 'async-and-state', 'production-incidents']))
      for (const track of catalogue.tracks) {
        // What the facilitator page sends when a track is chosen: its drills, in its order.
        const created = await server.api<{ id: string; joinCode: string; scenarios: string[] }>('POST', '/api/workshops', {
          token,
          body: { title: track.title, scenarios: track.scenarios, durationMinutes: 90 }
        })
        expect(created.status, track.id).toBe(201)
        expect(created.body.scenarios).toEqual(track.scenarios)
        expect((await server.api('POST', `/api/workshops/${created.body.id}/start`, { token })).status).toBe(200)
        // One trainee per drill, all submitting at once, as a workshop's first minutes look.
        const submissions = await Promise.all(
          track.scenarios.map(async (scenario, index) => {
            const joined = await server.api<{ token: string }>('POST', '/api/join', { body: { code: created.body.joinCode, name: `${track.id.slice(0, 20)}-${index}` } })
            expect(joined.status).toBe(201)
            const sent = await server.api<{ id: string }>('POST', '/api/submissions', { token: joined.body.token, body: { scenario, diff: referenceFix(scenario) } })
            expect(sent.status, `${track.id}: submitting ${scenario}`).toBe(202)
            return { token: joined.body.token, id: sent.body.id, scenario }
          })
        )
        const results = await Promise.all(submissions.map((submission) => graded(server, submission.token, submission.id)))
        const failing = results.filter((result) => result.status !== 'passed')
        expect(results.map((result) => [result.scenario, result.status]), JSON.stringify(failing.map((result) => result.report)).slice(0, 3000)).toEqual(track.scenarios.map((scenario) => [scenario, 'passed']))
        const { body: board } = await server.api<Board>('GET', `/api/boards/${created.body.id}`)
        expect(board.entries.flatMap((entry) => entry.solves.map((solve) => solve.scenario)).sort()).toEqual([...track.scenarios].sort())
      }
    } finally {
      await server.stop()
    }
    await expectNoGradingProcesses()
  }, 900_000)
})
