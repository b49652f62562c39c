import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { readMigrations } from './read-migrations.js'

// The bookkeeping table of `prisma migrate`, so the real CLI sees these migrations as applied.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    cause: unknown
  ) {
    super(`migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'MigrationError'
  }
}

export interface ApplyMigrationsOptions {
  connectionString: string
  migrationsDir: string
}

/**
 * Applies the migrations that are not applied yet, each in its own transaction, the way
 * `prisma migrate deploy` does, but without Prisma's schema engine. Returns the names applied.
 */
export async function applyMigrations({ connectionString, migrationsDir }: ApplyMigrationsOptions): Promise<string[]> {
  const migrations = await readMigrations(migrationsDir)
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    await client.query(CREATE_MIGRATIONS_TABLE)
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL'
    )
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]))
    const newlyApplied: string[] = []
    for (const migration of migrations) {
      const checksum = applied.get(migration.name)
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new MigrationError(migration.name, new Error('it was changed after it had been applied to this database'))
        }
        continue
      }
      try {
        await client.query('BEGIN')
        await client.query(migration.sql)
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name]
        )
        await client.query('COMMIT')
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw new MigrationError(migration.name, error)
      }
      newlyApplied.push(migration.name)
    }
    return newlyApplied
  } finally {
    await client.end()
  }
}
