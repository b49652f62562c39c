import { spawn } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { startLocalPostgres } from '../src/index.js'

describe('startLocalPostgres', () => {
  it('serves a real PostgreSQL that accepts queries and new databases', async () => {
    await using postgres = await startLocalPostgres()
    const uri = await postgres.createDatabase('drill_test')
    const client = new pg.Client({ connectionString: uri })
    await client.connect()
    const { rows } = await client.query<{ db: string; version: string }>('select current_database() as db, version() as version')
    await client.end()
    expect(rows[0]?.db).toBe('drill_test')
    expect(rows[0]?.version).toMatch(/^PostgreSQL \d+/)
  })

  it('leaves no process and no data behind after stop', async () => {
    const postgres = await startLocalPostgres()
    const pid = postgres.pid
    expect(pid).toBeTypeOf('number')
    await postgres.stop()
    expect(() => process.kill(pid!, 0)).toThrow()
    const client = new pg.Client({ connectionString: postgres.connectionUri() })
    await expect(client.connect()).rejects.toThrow()
  })

  it('runs two servers side by side on different ports', async () => {
    await using first = await startLocalPostgres()
    await using second = await startLocalPostgres()
    expect(first.port).not.toBe(second.port)
  })

  it('reports a clear error, with the server log, when the port is taken', async () => {
    await using first = await startLocalPostgres()
    await expect(startLocalPostgres({ port: first.port })).rejects.toMatchObject({
      name: 'LocalPostgresError',
      message: expect.stringContaining('exited during start-up')
    })
  })

  it('keeps the data of a persistent data folder across a stop and a start', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'drill-pg-keep-'))
    await chmod(parent, 0o755) // as root, PostgreSQL runs as another user, who must reach the folder
    const dataDir = join(parent, 'cluster')
    const query = async (uri: string, sql: string) => {
      const client = new pg.Client({ connectionString: uri })
      await client.connect()
      try {
        return (await client.query<{ note: string }>(sql)).rows
      } finally {
        await client.end()
      }
    }
    try {
      const note = `kept ${Math.random()}`
      {
        await using first = await startLocalPostgres({ dataDir })
        await query(first.connectionUri(), `create table notes (note text); insert into notes values ('${note}')`)
      }
      await using second = await startLocalPostgres({ dataDir })
      expect(await query(second.connectionUri(), 'select note from notes')).toEqual([{ note }])
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  })

  it('gives a persistent cluster a password of its own, which later starts keep and the default no longer opens', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'drill-pg-password-'))
    await chmod(parent, 0o755) // as root, PostgreSQL runs as another user, who must reach the folder
    const dataDir = join(parent, 'cluster')
    const password = `pw-${Math.random().toString(36).slice(2)}`
    const connects = async (uri: string) => {
      const client = new pg.Client({ connectionString: uri })
      return client.connect().then(
        async () => {
          await client.end()
          return 'connected'
        },
        (error: Error) => error.message
      )
    }
    try {
      {
        await using first = await startLocalPostgres({ dataDir })
        const withDefault = first.connectionUri()
        await first.usePassword(password)
        expect(first.connectionUri()).toContain(`:${password}@`)
        expect(await connects(first.connectionUri())).toBe('connected')
        expect(await connects(withDefault)).toMatch(/password authentication failed/)
      }
      await using second = await startLocalPostgres({ dataDir })
      await second.usePassword(password)
      expect(await connects(second.connectionUri())).toBe('connected')
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  })

  it('starts on a persistent data folder whose last owner was killed with its PostgreSQL still running', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'drill-pg-orphan-'))
    await chmod(parent, 0o755)
    const dataDir = join(parent, 'cluster')
    try {
      // An owner process starts PostgreSQL on the folder, prints its pid, and is killed with -9.
      const entry = new URL('../dist/index.js', import.meta.url).href
      const owner = spawn(process.execPath, ['--input-type=module', '-e', `const { startLocalPostgres } = await import(${JSON.stringify(entry)}); const pg = await startLocalPostgres({ dataDir: ${JSON.stringify(dataDir)} }); console.log('pid', pg.pid); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'inherit'] })
      const orphan = await new Promise<number>((resolve, reject) => {
        owner.stdout.on('data', (chunk: Buffer) => {
          const pid = /pid (\d+)/.exec(chunk.toString())?.[1]
          if (pid) resolve(Number(pid))
        })
        owner.once('exit', (code) => reject(new Error(`the owner exited with ${code} before PostgreSQL started`)))
      })
      owner.kill('SIGKILL')
      await new Promise((resolve) => owner.once('exit', resolve))
      expect(() => process.kill(orphan, 0)).not.toThrow()

      const logs: string[] = []
      await using reclaimed = await startLocalPostgres({ dataDir, onLog: (line) => logs.push(line) })
      expect(logs.join('\n')).toContain(`stopped PostgreSQL ${orphan}`)
      expect(() => process.kill(orphan, 0)).toThrow()
      const client = new pg.Client({ connectionString: reclaimed.connectionUri() })
      await client.connect()
      await client.end()
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  })
})
