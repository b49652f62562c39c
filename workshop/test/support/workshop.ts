import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type GradingRuntime, relativePatch } from '@debug-drills/grader'
import type { QueueTiming } from '../../src/grading-queue.js'
import { startWorkshopServer, type RunningWorkshopServer } from '../../src/workshop-server.js'
import { repoRoot } from '@debug-drills/test-support'

/** A folder for a server's state that PostgreSQL (another user when tests run as root) can reach. */
export function tempStateDir(): { path: string } & Disposable {
  const path = mkdtempSync(join(tmpdir(), 'drill-serve-'))
  chmodSync(path, 0o755)
  return { path, [Symbol.dispose]: () => rmSync(path, { recursive: true, force: true }) }
}

export interface TestServer extends RunningWorkshopServer {
  api<T = Record<string, unknown>>(method: string, path: string, options?: { token?: string; body?: unknown }): Promise<{ status: number; body: T }>
}

export async function startTestServer(options: {
  stateDir: string
  workers?: number
  runtime?: GradingRuntime
  timing?: Partial<QueueTiming>
  submissionsPerMinute?: number
  /** Fixed, to start a server again where its clients know it. */
  port?: number
}): Promise<TestServer> {
  const server = await startWorkshopServer({
    repoRoot,
    stateDir: options.stateDir,
    port: options.port ?? 0,
    workers: options.workers ?? 0,
    ...(options.runtime ? { runtime: options.runtime } : {}),
    ...(options.timing ? { timing: options.timing } : {}),
    submissionsPerMinute: options.submissionsPerMinute ?? 60,
    boardRefreshMs: 1_000
  })
  return {
    ...server,
    async api(method, path, { token, body } = {}) {
      const response = await fetch(new URL(path, server.url), {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {})
      })
      const text = await response.text()
      return { status: response.status, body: (text ? JSON.parse(text) : {}) as never }
    }
  }
}

/** The scenario's reference fix, as `drill submit` would send it: paths relative to the service. */
export function referenceFix(scenarioId: string): string {
  const service = /^service: (\S+)$/m.exec(readFileSync(join(repoRoot, 'scenarios', scenarioId, 'scenario.yaml'), 'utf8'))?.[1]
  return relativePatch(readFileSync(join(repoRoot, 'scenarios', scenarioId, 'fix.patch'), 'utf8'), `services/${service}`)
}
