import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import { buildApp, type App } from '../src/build-app.js'
import { loadConfig } from '../src/config.js'

/** The app on a fresh, migrated database of its own; close it when done. */
export async function buildTestApp(): Promise<App> {
  const app = buildApp(loadConfig({ DATABASE_URL: await testDatabaseUrl(), LOG_LEVEL: 'silent' }))
  await app.ready()
  return app
}
