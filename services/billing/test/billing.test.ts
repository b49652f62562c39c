import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function use(customerId: string, meter: string, quantity: number, occurredAt: string) {
  const response = await app.inject({ headers: authorised, method: 'POST', url: '/usage', payload: { customerId, meter, quantity, occurredAt } })
  expect(response.statusCode).toBe(201)
}

async function issue(customerId: string, period: string) {
  return app.inject({ headers: authorised, method: 'POST', url: `/customers/${customerId}/invoices`, payload: { period } })
}

describe('POST /usage', () => {
  it('rejects an unknown meter with 422', async () => {
    const response = await app.inject({
      headers: authorised,
      method: 'POST',
      url: '/usage',
      payload: { customerId: 'cus_test1', meter: 'bananas', quantity: 1, occurredAt: '2026-01-05T10:00:00Z' }
    })
    expect(response.statusCode).toBe(422)
  })
})

describe('POST /customers/:id/invoices', () => {
  it('bills the month’s usage per meter at the list price', async () => {
    await use('cus_month1', 'api-requests', 300, '2025-06-03T09:00:00Z')
    await use('cus_month1', 'api-requests', 200, '2025-06-28T17:30:00Z')
    await use('cus_month1', 'seats', 10, '2025-06-15T00:00:00Z')
    await use('cus_month1', 'seats', 99, '2025-07-02T08:00:00Z')
    const response = await issue('cus_month1', '2025-06')
    expect(response.statusCode).toBe(201)
    expect(response.json()).toMatchObject({
      totalCents: 500 * 5 + 10 * 30,
      lines: [
        { meter: 'api-requests', quantity: 500, amountCents: 2500 },
        { meter: 'seats', quantity: 10, amountCents: 300 }
      ]
    })
  })

  it('starts and ends the period at midnight', async () => {
    await use('cus_edges1', 'storage-gb-days', 7, '2025-09-01T00:00:00Z')
    await use('cus_edges1', 'storage-gb-days', 11, '2025-10-01T00:00:00Z')
    const september = (await issue('cus_edges1', '2025-09')).json()
    expect(september.lines).toEqual([{ meter: 'storage-gb-days', quantity: 7, unitPriceCents: 2, amountCents: 14 }])
  })

  it('issues one invoice per customer and period', async () => {
    await use('cus_twice1', 'seats', 1, '2025-02-10T12:00:00Z')
    expect((await issue('cus_twice1', '2025-02')).statusCode).toBe(201)
    expect((await issue('cus_twice1', '2025-02')).statusCode).toBe(409)
  })

  it('refuses to bill a period that has not ended', async () => {
    const now = new Date()
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
    expect((await issue('cus_early1', current)).statusCode).toBe(409)
  })

  it('reads an issued invoice back', async () => {
    await use('cus_read1', 'seats', 2, '2025-03-10T12:00:00Z')
    const issued = (await issue('cus_read1', '2025-03')).json()
    const read = await app.inject({ headers: authorised, method: 'GET', url: '/customers/cus_read1/invoices/2025-03' })
    expect(read.json()).toEqual(issued)
  })
})
