import { buildServer } from '@debug-drills/service-kit'
import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import app from '../src/app.js'
import { loadConfig } from '../src/config.js'

/** The headers of an authenticated API client, for `app.inject`. */
export const authorised = { authorization: 'Bearer test-key' }

/**
 * The app on a fresh, migrated database of its own; close it when done. The inbox worker does
 * not poll: tests drain it with `app.inboxWorker.drainOnce()`.
 */
export async function buildTestApp() {
  const config = loadConfig({ DATABASE_URL: await testDatabaseUrl(), LOG_LEVEL: 'silent', API_KEYS: 'tests:test-key', INBOX_WORKER_ENABLED: 'false' })
  const server = buildServer(app, { config }, { logLevel: config.LOG_LEVEL })
  await server.ready()
  return server
}

export type App = Awaited<ReturnType<typeof buildTestApp>>

export function walletApi(app: App) {
  return {
    send: (method: 'GET' | 'POST', url: string, payload?: object) => app.inject({ method, url, headers: authorised, ...(payload ? { payload } : {}) }),
    /** Opens a wallet with `balanceCents` in it, through a provider top-up applied by the worker. */
    async funded(customerId: string, balanceCents: number, currency = 'USD') {
      expectStatus(await this.send('POST', '/wallets', { customerId, currency }), 201)
      if (balanceCents > 0) {
        expectStatus(await this.send('POST', '/webhooks/payments', providerEvent(customerId, balanceCents, { currency })), 200)
        await app.inboxWorker.drainOnce()
      }
    }
  }
}

let serial = 0
/** A `payment.succeeded` event as the provider sends it. */
export function providerEvent(customerId: string, amountCents: number, overrides: { id?: string; currency?: string; type?: string } = {}) {
  serial += 1
  const suffix = `${Date.now().toString(36)}${serial}`
  return {
    id: overrides.id ?? `evt_${suffix}`,
    type: overrides.type ?? 'payment.succeeded',
    createdAt: new Date().toISOString(),
    data: { paymentId: `pay_${suffix}`, customerId, amountCents, currency: overrides.currency ?? 'USD' }
  }
}

export function expectStatus(response: LightMyRequestResponse, status: number): void {
  expect(response.statusCode, `${response.statusCode}: ${response.body}`).toBe(status)
}
