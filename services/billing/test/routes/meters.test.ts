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

describe('the price list', () => {
  it('lists the meters every environment starts with', async () => {
    const meters = (await api.send('GET', '/meters')).json()
    expect(meters.map(({ code, unitPriceCents }: { code: string; unitPriceCents: number }) => [code, unitPriceCents])).toEqual([
      ['api-requests', 5],
      ['seats', 30],
      ['storage-gb-days', 2]
    ])
  })

  it('creates a meter and lists it at once', async () => {
    await api.send('GET', '/meters')
    const created = await api.send('POST', '/meters', { code: 'egress-gb', name: 'Data transfer out, per GB', unitPriceCents: 9 })
    expectStatus(created, 201)
    expect(created.json()).toMatchObject({ code: 'egress-gb', updatedBy: 'tests' })
    expect((await api.send('GET', '/meters')).json().map((meter: { code: string }) => meter.code)).toContain('egress-gb')
    expectStatus(await api.send('POST', '/meters', { code: 'egress-gb', name: 'Again', unitPriceCents: 1 }), 409)
  })

  it('changes a price, announces it and bills with it', async () => {
    await api.send('POST', '/meters', { code: 'build-minutes', name: 'CI build minutes', unitPriceCents: 1 })
    await api.use('cus_price1', 'build-minutes', 1000, '2025-05-05T05:05:00Z')
    expect((await api.send('GET', '/customers/cus_price1/usage/summary?period=2025-05')).json().totalCents).toBe(1000)

    const updated = await api.send('PATCH', '/meters/build-minutes', { unitPriceCents: 2 })
    expectStatus(updated, 200)
    expect((await api.send('GET', '/meters/build-minutes')).json().unitPriceCents).toBe(2)
    expect((await api.send('GET', '/customers/cus_price1/usage/summary?period=2025-05')).json().totalCents).toBe(2000)
    expect((await api.issue('cus_price1', '2025-05')).json().totalCents).toBe(2000)

    const event = await app.prisma.outboxEvent.findFirst({ where: { type: 'meter.price_changed', aggregateId: 'meter:build-minutes' } })
    expect(event?.payload).toEqual({ meter: 'build-minutes', previousUnitPriceCents: 1, unitPriceCents: 2, changedBy: 'tests' })
  })

  it('renames without announcing a price change', async () => {
    await api.send('PATCH', '/meters/seats', { name: 'Seats, per seat-day (named users)' })
    expect(await app.prisma.outboxEvent.count({ where: { aggregateId: 'meter:seats' } })).toBe(0)
  })

  it('answers 404 for an unknown meter and 400 for an empty change', async () => {
    expectStatus(await api.send('GET', '/meters/bananas'), 404)
    expectStatus(await api.send('PATCH', '/meters/bananas', { unitPriceCents: 3 }), 404)
    expectStatus(await api.send('PATCH', '/meters/seats', {}), 400)
    expectStatus(await api.send('PATCH', '/meters/seats', { unitPriceCents: -1 }), 400)
  })

  it('gives a meter an allowance that every customer uses free of charge each period', async () => {
    const created = await api.send('POST', '/meters', { code: 'sms-messages', name: 'SMS messages sent', unitPriceCents: 4, includedUnits: 250 })
    expectStatus(created, 201)
    expect(created.json()).toMatchObject({ code: 'sms-messages', unitPriceCents: 4, includedUnits: 250 })
    expect((await api.send('GET', '/meters/seats')).json().includedUnits).toBe(0)
    await api.use('cus_allow1', 'sms-messages', 900, '2025-04-09T08:00:00Z')
    expect((await api.send('GET', '/customers/cus_allow1/usage/summary?period=2025-04')).json().lines).toEqual([
      { meter: 'sms-messages', quantity: 900, includedUnits: 250, unitPriceCents: 4, amountCents: 2600 }
    ])
    expectStatus(await api.send('PATCH', '/meters/sms-messages', { includedUnits: 1000 }), 200)
    const issued = (await api.issue('cus_allow1', '2025-04')).json()
    expect([issued.lines[0].includedUnits, issued.totalCents]).toEqual([900, 0])
    expectStatus(await api.send('PATCH', '/meters/sms-messages', { includedUnits: -1 }), 400)
  })
})

