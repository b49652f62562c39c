import { buildServer } from '@debug-drills/service-kit'
import { testDatabaseUrl } from '@debug-drills/test-database/vitest'
import Fastify from 'fastify'
import { expect } from 'vitest'
import app from '../src/app.js'
import { loadConfig } from '../src/config.js'

/** A logger for units tested outside the app. */
export const silentLog = Fastify({ logger: { level: 'silent' } }).log

/** The headers of an authenticated API client, for `app.inject`. */
export const authorised = { authorization: 'Bearer test-key' }

/** The client name behind `authorised`, as orders record it. */
export const TEST_CLIENT = 'tests'

/**
 * The app on a fresh, migrated database of its own; close it when done. `env` adds to or
 * overrides the environment (`WEBHOOK_URL`, `ORDER_CACHE_TTL_MS`...).
 */
export async function buildTestApp(env: Record<string, string> = {}) {
  const config = loadConfig({ DATABASE_URL: await testDatabaseUrl(), LOG_LEVEL: 'silent', API_KEYS: `${TEST_CLIENT}:test-key`, ...env })
  const server = buildServer(app, { config }, { logLevel: config.LOG_LEVEL })
  await server.ready()
  return server
}

export type App = Awaited<ReturnType<typeof buildTestApp>>

export interface Line {
  sku: string
  quantity: number
  unitPriceCents: number
}

export interface OrderBody {
  id: number
  customerId: string
  status: 'pending' | 'paid' | 'shipped' | 'cancelled'
  totalCents: number
  lines: Line[]
  placedBy: string | null
  createdAt: string
  updatedAt: string
}

export const defaultLines: Line[] = [{ sku: 'MUG-STONE-BL', quantity: 2, unitPriceCents: 1250 }]

/** Places an order through the API and moves it along `statuses`, failing the test on any error. */
export async function placeOrder(app: App, customerId: string, { lines = defaultLines, statuses = [] as OrderBody['status'][] } = {}): Promise<OrderBody> {
  const placed = await app.inject({ headers: authorised, method: 'POST', url: '/orders', payload: { customerId, lines } })
  expect(placed.statusCode, placed.body).toBe(201)
  let order = placed.json<OrderBody>()
  for (const status of statuses) {
    const changed = await app.inject({ headers: authorised, method: 'POST', url: `/orders/${order.id}/status`, payload: { status } })
    expect(changed.statusCode, changed.body).toBe(200)
    order = changed.json<OrderBody>()
  }
  return order
}

export async function listOrders(app: App, query: string): Promise<{ ids: number[]; next: number | null; orders: OrderBody[] }> {
  const response = await app.inject({ headers: authorised, method: 'GET', url: `/orders?${query}` })
  expect(response.statusCode, response.body).toBe(200)
  const { orders, next } = response.json<{ orders: OrderBody[]; next: number | null }>()
  return { ids: orders.map((order) => order.id), next, orders }
}
