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

describe('POST /customers/:id/invoices', () => {
  it('bills the month’s usage per meter at the list price', async () => {
    await api.use('cus_month1', 'api-requests', 300, '2025-06-03T09:00:00Z')
    await api.use('cus_month1', 'api-requests', 200, '2025-06-28T17:30:00Z')
    await api.use('cus_month1', 'seats', 10, '2025-06-15T00:00:00Z')
    await api.use('cus_month1', 'seats', 99, '2025-07-02T08:00:00Z')
    const response = await api.issue('cus_month1', '2025-06')
    expectStatus(response, 201)
    expect(response.json()).toMatchObject({
      customerId: 'cus_month1',
      period: '2025-06',
      status: 'open',
      issuedBy: 'tests',
      totalCents: 500 * 5 + 10 * 30,
      lines: [
        { meter: 'api-requests', quantity: 500, includedUnits: 0, unitPriceCents: 5, amountCents: 2500 },
        { meter: 'seats', quantity: 10, includedUnits: 0, unitPriceCents: 30, amountCents: 300 }
      ]
    })
  })

  it('starts and ends the period at midnight', async () => {
    await api.use('cus_edges1', 'storage-gb-days', 7, '2025-09-01T00:00:00Z')
    await api.use('cus_edges1', 'storage-gb-days', 11, '2025-10-01T00:00:00Z')
    const september = (await api.issue('cus_edges1', '2025-09')).json()
    expect(september.lines).toEqual([{ meter: 'storage-gb-days', quantity: 7, includedUnits: 0, unitPriceCents: 2, amountCents: 14 }])
  })

  it('issues an empty invoice for a month without usage', async () => {
    const response = await api.issue('cus_quiet1', '2024-02')
    expectStatus(response, 201)
    expect(response.json()).toMatchObject({ totalCents: 0, lines: [] })
  })

  it('is due after the payment terms, counted from the day it is issued', async () => {
    const invoice = (await api.issue('cus_terms1', '2025-01')).json()
    const days = (Date.parse(invoice.dueAt) - Date.parse(invoice.issuedAt)) / 86_400_000
    expect(days).toBe(30)
    expect(invoice.overdue).toBe(false)
  })

  it('issues one invoice per customer and period', async () => {
    await api.use('cus_twice1', 'seats', 1, '2025-02-10T12:00:00Z')
    expectStatus(await api.issue('cus_twice1', '2025-02'), 201)
    expectStatus(await api.issue('cus_twice1', '2025-02'), 409)
  })

  it('issues one invoice when two requests race for it', async () => {
    await api.use('cus_race1', 'seats', 3, '2025-04-10T12:00:00Z')
    const statuses = (await Promise.all([api.issue('cus_race1', '2025-04'), api.issue('cus_race1', '2025-04')])).map((r) => r.statusCode)
    expect(statuses.sort()).toEqual([201, 409])
  })

  it('refuses to bill a period that has not ended', async () => {
    const now = new Date()
    const current = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
    expectStatus(await api.issue('cus_early1', current), 409)
  })

  it('rejects a malformed period with 400', async () => {
    expectStatus(await api.issue('cus_early1', '2025-13'), 400)
    expectStatus(await api.issue('cus_early1', 'March'), 400)
  })

  it('closes the period to late usage once invoiced', async () => {
    await api.use('cus_late1', 'seats', 2, '2025-05-10T12:00:00Z')
    expectStatus(await api.issue('cus_late1', '2025-05'), 201)
    const late = await api.send('POST', '/usage', { customerId: 'cus_late1', meter: 'seats', quantity: 1, occurredAt: '2025-05-31T23:00:00Z' })
    expectStatus(late, 409)
    await api.use('cus_late1', 'seats', 1, '2025-06-01T01:00:00Z')
  })
})

describe('GET /customers/:id/invoices/:period', () => {
  it('reads an issued invoice back', async () => {
    await api.use('cus_read1', 'seats', 2, '2025-03-10T12:00:00Z')
    const issued = (await api.issue('cus_read1', '2025-03')).json()
    const read = await api.send('GET', '/customers/cus_read1/invoices/2025-03')
    expect(read.json()).toEqual(issued)
  })

  it('answers 404 for a period without an invoice', async () => {
    expectStatus(await api.send('GET', '/customers/cus_read1/invoices/2019-01'), 404)
  })
})

describe('paying and voiding', () => {
  it('pays an open invoice once', async () => {
    await api.use('cus_pay1', 'seats', 4, '2025-03-03T12:00:00Z')
    await api.issue('cus_pay1', '2025-03')
    expect((await api.send('GET', '/customers/cus_pay1/invoices/2025-03')).json().status).toBe('open')
    const paid = await api.send('POST', '/customers/cus_pay1/invoices/2025-03/pay', { reference: 'PAY-883421', paidAt: '2025-04-12T09:30:00Z' })
    expectStatus(paid, 200)
    expect(paid.json()).toMatchObject({ status: 'paid', paidAt: '2025-04-12T09:30:00.000Z', paymentReference: 'PAY-883421', overdue: false })
    // The cached copy read before paying must not be served afterwards.
    expect((await api.send('GET', '/customers/cus_pay1/invoices/2025-03')).json().status).toBe('paid')
    expectStatus(await api.send('POST', '/customers/cus_pay1/invoices/2025-03/pay', { reference: 'PAY-883422' }), 409)
    expectStatus(await api.send('POST', '/customers/cus_pay1/invoices/2025-03/void', { reason: 'Paid by mistake' }), 409)
  })

  it('voids an open invoice with a reason', async () => {
    await api.issue('cus_void1', '2025-03')
    const voided = await api.send('POST', '/customers/cus_void1/invoices/2025-03/void', { reason: 'Customer merged into cus_pay1' })
    expectStatus(voided, 200)
    expect(voided.json()).toMatchObject({ status: 'void', voidReason: 'Customer merged into cus_pay1' })
    expectStatus(await api.send('POST', '/customers/cus_void1/invoices/2025-03/pay', { reference: 'PAY-1' }), 409)
  })

  it('answers 404 when there is nothing to pay', async () => {
    expectStatus(await api.send('POST', '/customers/cus_void1/invoices/2018-03/pay', { reference: 'PAY-1' }), 404)
  })

  it('writes an event for each change, in the same transaction', async () => {
    await api.issue('cus_events1', '2025-03')
    await api.send('POST', '/customers/cus_events1/invoices/2025-03/pay', { reference: 'PAY-77' })
    const events = await app.prisma.outboxEvent.findMany({ where: { payload: { path: ['customerId'], equals: 'cus_events1' } }, orderBy: { id: 'asc' } })
    expect(events.map((event) => event.type)).toEqual(['invoice.issued', 'invoice.paid'])
    expect(events[0]?.payload).toMatchObject({ customerId: 'cus_events1', period: '2025-03', totalCents: 0, issuedBy: 'tests' })
  })
})

describe('listing invoices', () => {
  it('pages through a customer’s invoices, latest period first', async () => {
    for (const period of ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05']) expectStatus(await api.issue('cus_list1', period), 201)
    const first = (await api.send('GET', '/customers/cus_list1/invoices?limit=2')).json()
    expect(first.items.map((invoice: { period: string }) => invoice.period)).toEqual(['2024-05', '2024-04'])
    const second = (await api.send('GET', `/customers/cus_list1/invoices?limit=2&cursor=${first.nextCursor}`)).json()
    expect(second.items.map((invoice: { period: string }) => invoice.period)).toEqual(['2024-03', '2024-02'])
    const last = (await api.send('GET', `/customers/cus_list1/invoices?limit=2&cursor=${second.nextCursor}`)).json()
    expect(last).toMatchObject({ items: [{ period: '2024-01' }], nextCursor: null })
  })

  it('filters all invoices by period and status', async () => {
    await api.issue('cus_list2', '2023-07')
    await api.issue('cus_list3', '2023-07')
    await api.send('POST', '/customers/cus_list3/invoices/2023-07/pay', { reference: 'PAY-2' })
    const open = (await api.send('GET', '/invoices?period=2023-07&status=open')).json()
    expect(open.items.map((invoice: { customerId: string }) => invoice.customerId)).toEqual(['cus_list2'])
    const all = (await api.send('GET', '/invoices?period=2023-07&limit=1')).json()
    expect(all.items).toHaveLength(1)
    expect(all.nextCursor).toEqual(expect.any(String))
  })

  it('refuses a cursor it did not hand out, and limits out of range', async () => {
    expectStatus(await api.send('GET', '/customers/cus_list1/invoices?cursor=bm9wZQ'), 400)
    expectStatus(await api.send('GET', '/invoices?limit=500'), 400)
    expectStatus(await api.send('GET', '/invoices?status=overdue'), 400)
  })
})
