import { startTestDatabaseServer } from '@debug-drills/test-database'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    databaseAdminUrl: string
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer({ migrationsDir: 'prisma/migrations' })
  project.provide('databaseAdminUrl', server.adminUrl)
  return () => server.stop()
}
