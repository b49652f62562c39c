import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { billingApi, buildTestApp, expectStatus, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof billingApi>
beforeAll(async () => {
  app = await buildTestApp()
  api = billingApi(app)
})
afterAll(async () => {
  await app?.close()
})

describe('POST /usage', () => {
  it('records usage and who reported it', async () => {
    const response = await api.send('POST', '/usage', { customerId: 'cus_rec1', meter: 'seats', quantity: 12, occurredAt: '2025-08-14T10:15:00+02:00' })
    expectStatus(response, 201)
    expect(response.json()).toMatchObject({ customerId: 'cus_rec1', meter: 'seats', quantity: 12, occurredAt: '2025-08-14T08:15:00.000Z', recordedBy: 'tests' })
  })

  it('rejects an unknown meter with 422', async () => {
    const response = await api.send('POST', '/usage', { customerId: 'cus_test1', meter: 'bananas', quantity: 1, occurredAt: '2026-01-05T10:00:00Z' })
    expectStatus(response, 422)
  })

  it('rejects usage that has not happened yet with 422', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString()
    expectStatus(await api.send('POST', '/usage', { customerId: 'cus_test1', meter: 'seats', quantity: 1, occurredAt: tomorrow }), 422)
  })

  it('validates the body', async () => {
    const valid = { customerId: 'cus_test1', meter: 'seats', quantity: 1, occurredAt: '2025-01-05T10:00:00Z' }
    for (const invalid of [{ quantity: 0 }, { quantity: 1.5 }, { customerId: 'alice' }, { occurredAt: 'yesterday' }, { meter: 'Seats!' }, { idempotencyKey: 'has spaces' }]) {
      expectStatus(await api.send('POST', '/usage', { ...valid, ...invalid }), 400)
    }
  })

  it('records a retried report once, by its idempotency key', async () => {
    const report = { customerId: 'cus_idem1', meter: 'api-requests', quantity: 40, occurredAt: '2025-08-01T10:00:00Z', idempotencyKey: 'batch-17:row-3' }
    const first = await api.send('POST', '/usage', report)
    const retry = await api.send('POST', '/usage', report)
    expectStatus(first, 201)
    expectStatus(retry, 200)
    expect(retry.json().id).toBe(first.json().id)
    expectStatus(await api.send('POST', '/usage', { ...report, quantity: 41 }), 409)
    expect(await app.prisma.usageEvent.count({ where: { customerId: 'cus_idem1' } })).toBe(1)
  })
})

describe('GET /customers/:id/usage', () => {
  it('pages through usage newest first, filtered by period and meter', async () => {
    const times = ['2025-02-03T10:00:00Z', '2025-02-10T10:00:00Z', '2025-02-10T10:00:00Z', '2025-02-20T10:00:00Z', '2025-03-02T10:00:00Z']
    for (const [index, time] of times.entries()) await api.use('cus_page1', 'seats', index + 1, time)
    await api.use('cus_page1', 'api-requests', 9, '2025-02-11T10:00:00Z')

    const seen: number[] = []
    let cursor: string | null = null
    do {
      const query: string = `period=2025-02&meter=seats&limit=2${cursor ? `&cursor=${cursor}` : ''}`
      const page = await api.send('GET', `/customers/cus_page1/usage?${query}`)
      expectStatus(page, 200)
      const body = page.json()
      seen.push(...body.items.map((item: { quantity: number }) => item.quantity))
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toEqual([4, 3, 2, 1])
  })

  it('returns an empty page for a customer without usage', async () => {
    expect((await api.send('GET', '/customers/cus_nobody/usage')).json()).toEqual({ items: [], nextCursor: null })
  })
})

describe('GET /customers/:id/usage/summary', () => {
  it('previews the invoice and follows new usage', async () => {
    await api.use('cus_sum1', 'seats', 5, '2025-07-04T10:00:00Z')
    const before = (await api.send('GET', '/customers/cus_sum1/usage/summary?period=2025-07')).json()
    expect(before).toEqual({
      customerId: 'cus_sum1',
      period: '2025-07',
      invoiced: false,
      subtotalCents: 150,
      taxRatePercent: '0',
      taxCents: 0,
      totalCents: 150,
      lines: [{ meter: 'seats', quantity: 5, includedUnits: 0, unitPriceCents: 30, amountCents: 150 }]
    })

    await api.use('cus_sum1', 'seats', 1, '2025-07-30T10:00:00Z')
    expect((await api.send('GET', '/customers/cus_sum1/usage/summary?period=2025-07')).json().totalCents).toBe(180)

    await api.issue('cus_sum1', '2025-07')
    expect((await api.send('GET', '/customers/cus_sum1/usage/summary?period=2025-07')).json().invoiced).toBe(true)
  })

  it('needs a period', async () => {
    expectStatus(await api.send('GET', '/customers/cus_sum1/usage/summary'), 400)
  })
})

describe('GET /customers/:id/usage/report', () => {
  it('totals the usage of whole days per meter at today\'s prices, across months', async () => {
    await api.use('cus_rep1', 'seats', 4, '2025-05-20T08:00:00Z')
    await api.use('cus_rep1', 'seats', 6, '2025-06-02T16:45:00Z')
    await api.use('cus_rep1', 'api-requests', 120, '2025-06-11T09:30:00Z')
    await api.use('cus_rep1', 'seats', 50, '2025-05-01T12:00:00Z')
    await api.use('cus_rep1', 'seats', 70, '2025-07-02T12:00:00Z')
    await api.use('cus_rep2', 'seats', 9, '2025-06-01T12:00:00Z')

    const response = await api.send('GET', '/customers/cus_rep1/usage/report?from=2025-05-10&to=2025-06-25')
    expectStatus(response, 200)
    expect(response.json()).toEqual({
      customerId: 'cus_rep1',
      from: '2025-05-10',
      to: '2025-06-25',
      meter: null,
      totalCents: 120 * 5 + 10 * 30,
      lines: [
        { meter: 'api-requests', quantity: 120, includedUnits: 0, unitPriceCents: 5, amountCents: 600 },
        { meter: 'seats', quantity: 10, includedUnits: 0, unitPriceCents: 30, amountCents: 300 }
      ]
    })
  })

  it('reports one meter when asked', async () => {
    await api.use('cus_rep3', 'seats', 3, '2025-09-09T10:00:00Z')
    await api.use('cus_rep3', 'api-requests', 500, '2025-09-09T11:00:00Z')
    const body = (await api.send('GET', '/customers/cus_rep3/usage/report?from=2025-09-01&to=2025-09-15&meter=seats')).json()
    expect([body.meter, body.totalCents, body.lines]).toEqual(['seats', 90, [{ meter: 'seats', quantity: 3, includedUnits: 0, unitPriceCents: 30, amountCents: 90 }]])
  })

  it('answers an empty report for days without usage', async () => {
    const body = (await api.send('GET', '/customers/cus_nobody/usage/report?from=2025-01-01&to=2025-01-31')).json()
    expect([body.totalCents, body.lines]).toEqual([0, []])
  })

  it('refuses dates that are missing, malformed, not in the calendar, in the wrong order or a range over a year', async () => {
    for (const query of ['from=2025-01-01', 'to=2025-01-31', 'from=01/01/2025&to=2025-01-31', 'from=2025-02-30&to=2025-03-31', 'from=2025-03-31&to=2025-03-01', 'from=2024-01-01&to=2025-01-01']) {
      expectStatus(await api.send('GET', `/customers/cus_rep1/usage/report?${query}`), 400)
    }
  })
})
