import { inject } from 'vitest'
import { createTestDatabase } from './index.js'

/** A fresh database, cloned from the run's migrated template, for one test file. */
export function testDatabaseUrl(): Promise<string> {
  return createTestDatabase(inject('databaseAdminUrl'))
}
