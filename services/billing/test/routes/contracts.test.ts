import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, billingApi, buildTestApp, expectStatus, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof billingApi>
beforeAll(async () => {
  app = await buildTestApp()
  api = billingApi(app)
  expectStatus(await api.send('POST', '/meters', { code: 'build-minutes', name: 'CI build minutes', unitPriceCents: 2, includedUnits: 500 }), 201)
})
afterAll(async () => {
  await app?.close()
})

const setTerms = (customerId: string, meter: string, payload: object) =>
  app.inject({ method: 'PUT', url: `/customers/${customerId}/contract/${meter}`, headers: authorised, payload })

const summary = async (customerId: string, period: string) => (await api.send('GET', `/customers/${customerId}/usage/summary?period=${period}`)).json()

describe('contract terms', () => {
  it('has no terms until an account manager sets some, then keeps them and who set them', async () => {
    expect((await api.send('GET', '/customers/cus_deal1/contract')).json()).toEqual({ customerId: 'cus_deal1', terms: [] })
    const response = await setTerms('cus_deal1', 'seats', { unitPriceCents: 24, includedUnits: null })
    expectStatus(response, 200)
    expect(response.json()).toMatchObject({ meter: 'seats', unitPriceCents: 24, includedUnits: null, updatedBy: 'tests' })
    expectStatus(await setTerms('cus_deal1', 'build-minutes', { unitPriceCents: null, includedUnits: 2000 }), 200)
    expect((await api.send('GET', '/customers/cus_deal1/contract')).json().terms).toMatchObject([
      { meter: 'build-minutes', unitPriceCents: null, includedUnits: 2000 },
      { meter: 'seats', unitPriceCents: 24, includedUnits: null }
    ])
    const stored = await app.prisma.contractTerms.findMany({ where: { customerId: 'cus_deal1' }, orderBy: { meterCode: 'asc' } })
    expect(stored.map((row) => [row.meterCode, row.unitPriceCents, row.includedUnits])).toEqual([
      ['build-minutes', null, 2000],
      ['seats', 24, null]
    ])
  })

  it('bills the negotiated terms, and the meter\'s own price and allowance where the contract sets none', async () => {
    await api.use('cus_deal2', 'seats', 40, '2025-06-03T09:00:00Z')
    await api.use('cus_deal2', 'build-minutes', 3000, '2025-06-20T17:30:00Z')
    await api.use('cus_deal2', 'api-requests', 700, '2025-06-21T11:00:00Z')
    // List terms: 700 × 5 + (3000 - 500) × 2 + 40 × 30 = 3500 + 5000 + 1200.
    await expect(summary('cus_deal2', '2025-06')).resolves.toMatchObject({ subtotalCents: 9700 })
    await setTerms('cus_deal2', 'seats', { unitPriceCents: 25, includedUnits: 10 })
    await setTerms('cus_deal2', 'build-minutes', { unitPriceCents: 1, includedUnits: null })
    await setTerms('cus_deal2', 'api-requests', { unitPriceCents: null, includedUnits: null })
    const expected = [
      { meter: 'api-requests', quantity: 700, includedUnits: 0, unitPriceCents: 5, amountCents: 3500 },
      { meter: 'build-minutes', quantity: 3000, includedUnits: 500, unitPriceCents: 1, amountCents: 2500 },
      { meter: 'seats', quantity: 40, includedUnits: 10, unitPriceCents: 25, amountCents: 750 }
    ]
    expect((await summary('cus_deal2', '2025-06')).lines).toEqual(expected)
    const issued = await api.issue('cus_deal2', '2025-06')
    expectStatus(issued, 201)
    expect(issued.json()).toMatchObject({ subtotalCents: 6750, totalCents: 6750, lines: expected })

    // Terms changed later reach the previews, never an invoice issued already.
    await setTerms('cus_deal2', 'seats', { unitPriceCents: 20, includedUnits: null })
    expect((await api.send('GET', '/customers/cus_deal2/invoices/2025-06')).json().subtotalCents).toBe(6750)
    const lines = await app.prisma.invoiceLine.findMany({ where: { invoice: { customerId: 'cus_deal2' } }, orderBy: { meterCode: 'asc' } })
    expect(lines.map((line) => [line.meterCode, line.includedUnits, line.unitPriceCents, line.amountCents])).toEqual(
      expected.map((line) => [line.meter, line.includedUnits, line.unitPriceCents, line.amountCents])
    )
  })

  it('leaves other customers on the list terms', async () => {
    await setTerms('cus_deal3', 'seats', { unitPriceCents: 12, includedUnits: 3 })
    await api.use('cus_deal4', 'seats', 6, '2025-07-07T07:00:00Z')
    expect((await summary('cus_deal4', '2025-07')).lines).toEqual([{ meter: 'seats', quantity: 6, includedUnits: 0, unitPriceCents: 30, amountCents: 180 }])
  })

  it('keeps a negotiated 0 as 0 and an open term as null, in every combination', async () => {
    const combinations = [
      [0, 0],
      [0, null],
      [null, 0],
      [null, null],
      [7, 0],
      [0, 40]
    ] as const
    for (const [unitPriceCents, includedUnits] of combinations) {
      const response = await setTerms('cus_deal6', 'seats', { unitPriceCents, includedUnits })
      expectStatus(response, 200)
      expect(response.json()).toMatchObject({ unitPriceCents, includedUnits })
      const stored = await app.prisma.contractTerms.findUniqueOrThrow({ where: { customerId_meterCode: { customerId: 'cus_deal6', meterCode: 'seats' } } })
      expect([stored.unitPriceCents, stored.includedUnits]).toEqual([unitPriceCents, includedUnits])
    }
  })

  it('answers 404 for an unknown meter and 400 for terms that are not whole, non-negative numbers', async () => {
    expectStatus(await setTerms('cus_deal5', 'bananas', { unitPriceCents: 3, includedUnits: null }), 404)
    expectStatus(await setTerms('cus_deal5', 'seats', { unitPriceCents: -1, includedUnits: null }), 400)
    expectStatus(await setTerms('cus_deal5', 'seats', { unitPriceCents: 2.5, includedUnits: null }), 400)
    expectStatus(await setTerms('cus_deal5', 'seats', { unitPriceCents: 3 }), 400)
    expectStatus(await setTerms('cus_deal5', 'seats', { unitPriceCents: 3, includedUnits: -2 }), 400)
    expectStatus(await setTerms('cus_deal5', 'seats', { unitPriceCents: 100_000_001, includedUnits: null }), 400)
    expect(await app.prisma.contractTerms.count({ where: { customerId: 'cus_deal5' } })).toBe(0)
  })
})
