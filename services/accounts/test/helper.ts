import { buildServer } from '@debug-drills/service-kit'
import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import app from '../src/app.js'
import { loadConfig } from '../src/config.js'

/** The headers of an authenticated API client, for `app.inject`. */
export const authorised = { authorization: 'Bearer test-key' }

/** The API client name `authorised` stands for, as recorded in audit fields. */
export const testClient = 'tests'

/**
 * The app on a fresh, migrated database of its own; close it when done. `env` adds or overrides
 * variables (the webhook URL, cache settings...). Without a webhook URL no relay runs.
 */
export async function buildTestApp(env: Record<string, string> = {}) {
  const config = loadConfig({ DATABASE_URL: await testDatabaseUrl(), LOG_LEVEL: 'silent', API_KEYS: `${testClient}:test-key`, ...env })
  const server = buildServer(app, { config }, { logLevel: config.LOG_LEVEL })
  await server.ready()
  return server
}

export type App = Awaited<ReturnType<typeof buildTestApp>>

let people = 0

/** Sign-up details nobody has used yet in this test file. */
export function newPerson(domain = 'example.com') {
  people++
  return { email: `person.${people}.${Date.now().toString(36)}@${domain}`, displayName: `Person ${people}` }
}

/** Signs someone up and returns the created account; fails the test when that does not work. */
export async function signUp(app: App, details: Record<string, unknown> = newPerson()) {
  const response = await app.inject({ headers: authorised, method: 'POST', url: '/accounts', payload: details })
  if (response.statusCode !== 201) throw new Error(`sign-up answered ${response.statusCode}: ${response.body}`)
  return response.json<{ id: string; email: string; displayName: string; phone: string | null }>()
}

/** Polls `probe` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function eventually<Value>(probe: () => Promise<Value | undefined> | Value | undefined, timeoutMs = 5_000): Promise<Value> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`gave up waiting after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
