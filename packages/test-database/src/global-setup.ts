import type { TestProject } from 'vitest/node'
import { startTestDatabaseServer } from './index.js'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string
  }
}

/** vitest `globalSetup`: one migrated PostgreSQL for the run, from `prisma/migrations`. */
export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer({ migrationsDir: 'prisma/migrations' })
  project.provide('databaseAdminUrl', server.adminUrl)
  return () => server.stop()
}
