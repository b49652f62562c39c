import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, startLocalPostgres, type StartedLocalPostgres } from '@debug-drills/local-postgres'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startWorkshopServer } from '../src/workshop-server.js'
import { eventually, repoRoot } from '@debug-drills/test-support'
import { tempStateDir } from './support/workshop.js'

describe('workshop server state', () => {
  it('keeps its state folder, the facilitator token and its database from other users', async () => {
    using state = tempStateDir() // made readable by all, as a careless umask would
    const server = await startWorkshopServer({ repoRoot, stateDir: state.path, workers: 0, port: 0 })
    try {
      const folder = (await stat(state.path)).mode & 0o777
      // Nobody else may list it or read what it holds; as root, the database's user may pass through.
      expect(folder & 0o066).toBe(0)
      expect(folder).toBe(process.getuid?.() === 0 ? 0o711 : 0o700)
      expect((await stat(join(state.path, 'facilitator-token'))).mode & 0o777).toBe(0o600)
      expect((await stat(join(state.path, 'postgres'))).mode & 0o077).toBe(0)
      // Its database has a password of its own, not the cluster template's well-known one.
      const password = (await readFile(join(state.path, 'database-password'), 'utf8')).trim()
      expect((await stat(join(state.path, 'database-password'))).mode & 0o777).toBe(0o600)
      expect(server.databaseUrl).toContain(`:${password}@`)
      const withDefault = new pg.Client({ connectionString: server.databaseUrl.replace(`:${password}@`, ':postgres@') })
      await expect(withDefault.connect()).rejects.toThrow(/password authentication failed/)
    } finally {
      await server.stop()
    }
  })
})

describe('workshop server and a database outage', () => {
  it('says the database is down (health and every route, 503) and carries on by itself when it is back', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'drill-outage-'))
    await chmod(parent, 0o755) // as root, PostgreSQL runs as another user
    const dataDir = join(parent, 'cluster')
    const port = await freePort()
    using state = tempStateDir()
    let postgres: StartedLocalPostgres | undefined = await startLocalPostgres({ dataDir, port })
    const logs: string[] = []
    const server = await startWorkshopServer({ repoRoot, stateDir: state.path, databaseUrl: postgres.connectionUri(), workers: 0, port: 0, onLog: (line) => logs.push(line) })
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(new URL(path, server.url), {
        method,
        headers: { authorization: `Bearer ${server.facilitatorToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {})
      })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    try {
      expect(await api('GET', '/api/health')).toEqual({ status: 200, body: { ok: true, database: 'up' } })
      const created = await api('POST', '/api/workshops', { title: 'Outage', scenarios: ['tutorial'], durationMinutes: 30 })
      expect(created.status).toBe(201)

      await postgres.stop()
      postgres = undefined
      expect(await api('GET', '/api/health')).toEqual({ status: 503, body: { ok: false, database: 'unavailable' } })
      const listed = await api('GET', '/api/workshops')
      expect(listed.status).toBe(503)
      expect(listed.body.error).toMatch(/database is unavailable/)

      postgres = await startLocalPostgres({ dataDir, port })
      await eventually('the server reaches its database again', async () => ((await api('GET', '/api/health')).status === 200 ? true : undefined), 30_000)
      const again = await api('GET', '/api/workshops')
      expect(again.status).toBe(200)
      expect(again.body.workshops).toEqual([expect.objectContaining({ id: created.body.id })])
    } finally {
      await server.stop()
      await postgres?.stop()
      await rm(parent, { recursive: true, force: true })
    }
  })
})
