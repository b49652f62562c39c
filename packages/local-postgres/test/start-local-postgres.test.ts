import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
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

  it('stops a throwaway server and removes its folder when its owner is killed with -9', async () => {
    const { owner, postgres } = await startOwner()
    const folder = dirname(postgresDataDir(postgres))
    expect(existsSync(folder)).toBe(true)
    owner.kill('SIGKILL')
    await new Promise((resolve) => owner.once('exit', resolve))
    await until(() => !alive(postgres) && !existsSync(folder))
    expect(guardians(owner.pid)).toEqual([])
  })

  it('stops a throwaway server and removes its folder at the next start when its owner and guardian were both killed', async () => {
    const { owner, postgres: orphan } = await startOwner()
    const folder = dirname(postgresDataDir(orphan))
    for (const guardian of guardians(owner.pid)) process.kill(guardian, 'SIGKILL')
    owner.kill('SIGKILL')
    await new Promise((resolve) => owner.once('exit', resolve))
    expect(alive(orphan)).toBe(true)
    await using next = await startLocalPostgres()
    expect(next.port).toBeGreaterThan(0)
    expect(alive(orphan)).toBe(false)
    expect(existsSync(folder)).toBe(false)
  })

  it('starts on a persistent data folder whose last owner was killed with its PostgreSQL still running', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'drill-pg-orphan-'))
    await chmod(parent, 0o755)
    const dataDir = join(parent, 'cluster')
    try {
      // An owner process starts PostgreSQL on the folder and is killed with -9, its guardian first (as the kernel's OOM killer might).
      const { owner, postgres: orphan } = await startOwner({ dataDir })
      for (const guardian of guardians(owner.pid)) process.kill(guardian, 'SIGKILL')
      owner.kill('SIGKILL')
      await new Promise((resolve) => owner.once('exit', resolve))
      expect(alive(orphan)).toBe(true)

      const logs: string[] = []
      await using reclaimed = await startLocalPostgres({ dataDir, onLog: (line) => logs.push(line) })
      expect(logs.join('\n')).toContain(`stopped PostgreSQL ${orphan}`)
      expect(alive(orphan)).toBe(false)
      const client = new pg.Client({ connectionString: reclaimed.connectionUri() })
      await client.connect()
      await client.end()
    } finally {
      await rm(parent, { recursive: true, force: true })
    }
  })
})

/** A process that starts PostgreSQL (from the built package) and waits to be killed. */
async function startOwner(options: { dataDir?: string } = {}): Promise<{ owner: ChildProcessWithoutNullStreams; postgres: number }> {
  const entry = new URL('../dist/index.js', import.meta.url).href
  const script = `const { startLocalPostgres } = await import(${JSON.stringify(entry)}); const pg = await startLocalPostgres(${JSON.stringify(options)}); console.log('pid', pg.pid); setInterval(() => {}, 1000)`
  const owner = spawn(process.execPath, ['--input-type=module', '-e', script])
  const postgres = await new Promise<number>((resolve, reject) => {
    owner.stdout.on('data', (chunk: Buffer) => {
      const pid = /pid (\d+)/.exec(chunk.toString())?.[1]
      if (pid) resolve(Number(pid))
    })
    owner.once('exit', (code) => reject(new Error(`the owner exited with ${code} before PostgreSQL started`)))
  })
  return { owner, postgres }
}

function guardians(owner: number | undefined): number[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n')
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter(([, parent, ...args]) => Number(parent) === owner && args.join(' ').endsWith('drill-guardian'))
    .map(([pid]) => Number(pid))
}

function postgresDataDir(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  return args[args.indexOf('-D') + 1] ?? ''
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
