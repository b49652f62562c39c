import { buildServer } from '@debug-drills/service-kit'
import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import app from '../src/app.js'
import { loadConfig } from '../src/config.js'

/** The headers of an authenticated API client, for `app.inject`. */
export const authorised = { authorization: 'Bearer test-key' }

/** The app on a fresh, migrated database of its own; close it when done. */
export async function buildTestApp() {
  const config = loadConfig({ DATABASE_URL: await testDatabaseUrl(), LOG_LEVEL: 'silent', API_KEYS: 'tests:test-key' })
  const server = buildServer(app, { config }, { logLevel: config.LOG_LEVEL })
  await server.ready()
  return server
}

export type App = Awaited<ReturnType<typeof buildTestApp>>
