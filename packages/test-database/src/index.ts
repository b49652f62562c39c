import { randomBytes } from 'node:crypto'
import { startLocalPostgres, type StartedLocalPostgres } from '@debug-drills/local-postgres'
import { applyMigrations } from '@debug-drills/prisma-offline'
import pg from 'pg'

const TEMPLATE = 'migrated_template'

export interface TestDatabaseServer extends AsyncDisposable {
  /** Connection string of the server's maintenance database. */
  adminUrl: string
  stop(): Promise<void>
}

/**
 * Starts PostgreSQL (a `DATABASE_ADMIN_URL` server when one is given, else a local
 * throwaway one) and migrates a template database that test files clone.
 * Meant for a vitest `globalSetup`.
 */
export async function startTestDatabaseServer(options: { migrationsDir: string }): Promise<TestDatabaseServer> {
  const external = process.env.DATABASE_ADMIN_URL
  const postgres: StartedLocalPostgres | undefined = external ? undefined : await startLocalPostgres()
  const adminUrl = external ?? postgres!.connectionUri()
  const stop = async () => {
    await postgres?.stop()
  }
  try {
    await withClient(adminUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE} WITH (FORCE)`)
      await client.query(`CREATE DATABASE ${TEMPLATE}`)
    })
    await applyMigrations({ connectionString: withDatabase(adminUrl, TEMPLATE), migrationsDir: options.migrationsDir })
  } catch (error) {
    await stop()
    throw error
  }
  return { adminUrl, stop, [Symbol.asyncDispose]: stop }
}

/** A fresh database cloned from the migrated template (about 20 ms); returns its URL. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `test_${randomBytes(6).toString('hex')}`
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`))
  return withDatabase(adminUrl, name)
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}
