import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startLocalPostgres, type StartedLocalPostgres } from '@debug-drills/local-postgres'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations } from '../src/index.js'

let postgres: StartedLocalPostgres
const folders: string[] = []
beforeAll(async () => {
  postgres = await startLocalPostgres()
})
afterAll(async () => {
  await postgres?.stop()
  await Promise.all(folders.map((dir) => rm(dir, { recursive: true, force: true })))
})

async function migrationsFolder(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'migrations-'))
  folders.push(dir)
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(dir, name))
    await writeFile(join(dir, name, 'migration.sql'), sql)
  }
  return dir
}

async function query<T extends pg.QueryResultRow>(uri: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: uri })
  await client.connect()
  try {
    return (await client.query<T>(sql)).rows
  } finally {
    await client.end()
  }
}

describe('applyMigrations', () => {
  it('applies migrations in name order and records them as prisma migrate does', async () => {
    const uri = await postgres.createDatabase('ordered')
    const migrationsDir = await migrationsFolder({
      '20260102000000_add_column': 'ALTER TABLE "Thing" ADD COLUMN "label" TEXT;',
      '20260101000000_init': 'CREATE TABLE "Thing" ("id" SERIAL PRIMARY KEY);'
    })
    expect(await applyMigrations({ connectionString: uri, migrationsDir })).toEqual([
      '20260101000000_init',
      '20260102000000_add_column'
    ])
    const rows = await query<{ migration_name: string; checksum: string }>(
      uri,
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name'
    )
    expect(rows.map((row) => row.migration_name)).toEqual(['20260101000000_init', '20260102000000_add_column'])
    expect(rows[0]?.checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  it('skips what is applied and refuses a migration edited after it was applied', async () => {
    const uri = await postgres.createDatabase('repeat')
    const migrationsDir = await migrationsFolder({ '1_init': 'CREATE TABLE "A" ("id" INT);' })
    await applyMigrations({ connectionString: uri, migrationsDir })
    expect(await applyMigrations({ connectionString: uri, migrationsDir })).toEqual([])
    await writeFile(join(migrationsDir, '1_init', 'migration.sql'), 'CREATE TABLE "B" ("id" INT);')
    await expect(applyMigrations({ connectionString: uri, migrationsDir })).rejects.toThrow(/1_init.*changed after/)
  })

  it('rolls a failing migration back whole and names it', async () => {
    const uri = await postgres.createDatabase('failing')
    const migrationsDir = await migrationsFolder({
      '1_ok': 'CREATE TABLE "Ok" ("id" INT);',
      '2_broken': 'CREATE TABLE "Half" ("id" INT); SELECT * FROM "missing_table";'
    })
    await expect(applyMigrations({ connectionString: uri, migrationsDir })).rejects.toThrow(/2_broken/)
    const tables = await query<{ table_name: string }>(
      uri,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name"
    )
    expect(tables.map((t) => t.table_name)).toEqual(['Ok', '_prisma_migrations'])
  })
})
