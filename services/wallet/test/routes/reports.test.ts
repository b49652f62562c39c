import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, expectStatus, providerEvent, walletApi, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof walletApi>
beforeAll(async () => {
  app = await buildTestApp()
  api = walletApi(app)
})
afterAll(async () => {
  await app?.close()
})

/** A payment the provider reports for `createdAt`, with its fee. */
function payment(customerId: string, amountCents: number, createdAt: string, currency: string, fee?: string) {
  const event = providerEvent(customerId, amountCents, { currency })
  return { ...event, createdAt, data: { ...event.data, ...(fee === undefined ? {} : { fee }) } }
}

async function deliver(event: ReturnType<typeof payment>) {
  expectStatus(await api.send('POST', '/webhooks/payments', event), 200)
}

describe('POST /webhooks/payments, the fee', () => {
  it('stores the fee the provider reports, exactly, and 0 when it reports none', async () => {
    const withFee = payment('cus_fee1', 2_500, '2026-03-04T10:00:00Z', 'USD', '0.87')
    const withoutFee = payment('cus_fee1', 1_000, '2026-03-04T11:00:00Z', 'USD')
    await deliver(withFee)
    await deliver(withoutFee)
    const stored = await app.prisma.providerEvent.findMany({ where: { eventId: { in: [withFee.id, withoutFee.id] } }, orderBy: { id: 'asc' } })
    expect(stored.map((event) => event.fee.toFixed(2))).toEqual(['0.87', '0.00'])
  })

  it('refuses a fee that is not an amount with at most two decimals', async () => {
    for (const fee of ['0.875', '-1.00', '1,50', '']) {
      expectStatus(await api.send('POST', '/webhooks/payments', payment('cus_fee2', 1_000, '2026-03-04T10:00:00Z', 'USD', fee)), 400)
    }
  })
})

describe('GET /reports/provider-fees', () => {
  it('sums the month per currency and day, and leaves out the months around it', async () => {
    await deliver(payment('cus_fee3', 2_500, '2026-04-30T23:59:59.999Z', 'USD', '0.99'))
    await deliver(payment('cus_fee3', 2_500, '2026-05-14T09:00:00Z', 'USD', '0.87'))
    await deliver(payment('cus_fee4', 4_000, '2026-05-14T17:30:00Z', 'USD', '1.20'))
    await deliver(payment('cus_fee5', 5_000, '2026-05-31T23:59:59.999Z', 'EUR', '0.5'))
    await deliver(payment('cus_fee3', 2_500, '2026-06-01T00:00:00Z', 'USD', '0.99'))

    const report = await api.send('GET', '/reports/provider-fees?month=2026-05')
    expectStatus(report, 200)
    expect(report.json()).toEqual({
      month: '2026-05',
      currencies: [
        { currency: 'EUR', payments: 1, amountCents: 5_000, fees: 0.5, netCents: 4_950, days: [{ date: '2026-05-31', payments: 1, amountCents: 5_000, fees: 0.5 }] },
        { currency: 'USD', payments: 2, amountCents: 6_500, fees: 2.07, netCents: 6_293, days: [{ date: '2026-05-14', payments: 2, amountCents: 6_500, fees: 2.07 }] }
      ]
    })
  })

  it('answers a month without payments with no currencies', async () => {
    const report = await api.send('GET', '/reports/provider-fees?month=2019-02')
    expectStatus(report, 200)
    expect(report.json()).toEqual({ month: '2019-02', currencies: [] })
  })

  it('refuses a month that is not YYYY-MM', async () => {
    expectStatus(await api.send('GET', '/reports/provider-fees?month=2026-13'), 400)
    expectStatus(await api.send('GET', '/reports/provider-fees?month=May'), 400)
  })
})
