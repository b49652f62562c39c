import { buildServer } from '@debug-drills/service-kit'
import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import app from '../src/app.js'
import { loadConfig } from '../src/config.js'

/** The headers of an authenticated API client, for `app.inject`. */
export const authorised = { authorization: 'Bearer test-key' }

/** The API client name `authorised` authenticates as; changes are recorded against it. */
export const testClient = 'tests'

/**
 * The app on a fresh, migrated database of its own; close it when done. The outbox relay is
 * off unless a test turns it on (`OUTBOX_RELAY_ENABLED: 'true'`), so tests that do not care
 * about delivery see no background work.
 */
export async function buildTestApp(env: Record<string, string> = {}) {
  const config = loadConfig({
    DATABASE_URL: await testDatabaseUrl(),
    LOG_LEVEL: 'silent',
    API_KEYS: `${testClient}:test-key`,
    OUTBOX_RELAY_ENABLED: 'false',
    ...env
  })
  const server = buildServer(app, { config }, { logLevel: config.LOG_LEVEL })
  await server.ready()
  return server
}

export type App = Awaited<ReturnType<typeof buildTestApp>>
