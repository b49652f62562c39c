import { buildServer } from '@debug-drills/service-kit'
import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import app from '../src/app.js'
import { loadConfig } from '../src/config.js'

/** The headers of an authenticated API client, for `app.inject`. */
export const authorised = { authorization: 'Bearer test-key' }

/** The app on a fresh, migrated database of its own; close it when done. `env` adds settings. */
export async function buildTestApp(env: NodeJS.ProcessEnv = {}) {
  const config = loadConfig({ DATABASE_URL: await testDatabaseUrl(), LOG_LEVEL: 'silent', API_KEYS: 'tests:test-key', ...env })
  const server = buildServer(app, { config }, { logLevel: config.LOG_LEVEL })
  await server.ready()
  return server
}

export type App = Awaited<ReturnType<typeof buildTestApp>>

/** A small API client over `app.inject` for the routes most tests need. */
export function notificationsApi(app: App) {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) => app.inject({ headers: authorised, method, url, payload })
  return {
    send,
    async template(key: string, locale: string, channel: 'email' | 'sms', body: string, subject?: string) {
      const response = await send('PUT', `/templates/${key}/${locale}/${channel}`, { body, subject: subject ?? null })
      expectStatus(response, 200)
      return response.json()
    },
    notify: (payload: object) => send('POST', '/notifications', payload)
  }
}

/** Like `expect(status).toBe(...)`, but a failure shows the body, which says why. */
export function expectStatus(response: LightMyRequestResponse, status: number): void {
  expect({ status: response.statusCode, body: response.body }).toMatchObject({ status })
}
