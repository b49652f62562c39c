#!/usr/bin/env node
// Usage: apply-migrations [migrations-dir]   (DATABASE_URL from the environment or ./.env)
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { applyMigrations } from '../apply-migrations.js'

if (!process.env.DATABASE_URL && existsSync('.env')) process.loadEnvFile('.env')
const connectionString = process.env.DATABASE_URL
const migrationsDir = resolve(process.argv[2] ?? 'prisma/migrations')

if (!connectionString) {
  console.error('apply-migrations: DATABASE_URL is not set. Copy .env.example to .env, or export DATABASE_URL, and run again.')
  process.exitCode = 2
} else {
  try {
    const applied = await applyMigrations({ connectionString, migrationsDir })
    console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date')
  } catch (error) {
    console.error(`apply-migrations: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 1
  }
}
