import { createTestDatabase } from '@debug-drills/test-database'
import { inject } from 'vitest'
import { buildApp, type App } from '../src/build-app.js'
import { loadConfig } from '../src/config.js'

/** The app on a fresh, migrated database of its own; close it when done. */
export async function buildTestApp(): Promise<App> {
  const databaseUrl = await createTestDatabase(inject('databaseAdminUrl'))
  const app = buildApp(loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' }))
  await app.ready()
  return app
}
