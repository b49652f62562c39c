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

const setRate = (customerId: string, ratePercent: string) => app.inject({ method: 'PUT', url: `/customers/${customerId}/tax-rate`, headers: { authorization: 'Bearer test-key' }, payload: { ratePercent } })

describe('tax rates', () => {
  it('charges no tax until a rate is set, then keeps the rate and who set it', async () => {
    expect((await api.send('GET', '/customers/cus_tax1/tax-rate')).json()).toEqual({ customerId: 'cus_tax1', ratePercent: '0', updatedAt: null, updatedBy: null })
    const response = await setRate('cus_tax1', '8.875')
    expectStatus(response, 200)
    expect(response.json()).toMatchObject({ customerId: 'cus_tax1', ratePercent: '8.875', updatedBy: 'tests' })
    expect((await api.send('GET', '/customers/cus_tax1/tax-rate')).json().ratePercent).toBe('8.875')
    expectStatus(await setRate('cus_tax1', '7.250'), 200)
    expect((await api.send('GET', '/customers/cus_tax1/tax-rate')).json().ratePercent).toBe('7.25')
    expect(String((await app.prisma.customerTaxRate.findUniqueOrThrow({ where: { customerId: 'cus_tax1' } })).ratePercent)).toBe('7.25')
  })

  it('refuses a rate that is not a percentage with up to three decimals', async () => {
    for (const rate of ['100', '-5', '8.8751', 'eight', '']) expectStatus(await setRate('cus_tax2', rate), 400)
  })

  it('taxes the preview at once and the invoice at the rate of the day it is issued', async () => {
    await api.use('cus_tax3', 'seats', 17, '2025-05-12T10:00:00Z')
    expect((await api.send('GET', '/customers/cus_tax3/usage/summary?period=2025-05')).json().taxCents).toBe(0)
    await setRate('cus_tax3', '6.25')
    // 17 seats at 30 cents: 510 cents; 6.25 % of it is 31.875 cents.
    expect((await api.send('GET', '/customers/cus_tax3/usage/summary?period=2025-05')).json()).toMatchObject({ subtotalCents: 510, taxRatePercent: '6.25', taxCents: 32, totalCents: 542 })

    const issued = await api.issue('cus_tax3', '2025-05')
    expectStatus(issued, 201)
    expect(issued.json()).toMatchObject({ subtotalCents: 510, taxRatePercent: '6.25', taxCents: 32, totalCents: 542 })
    await setRate('cus_tax3', '9.5')
    expect((await api.send('GET', '/customers/cus_tax3/invoices/2025-05')).json()).toMatchObject({ taxRatePercent: '6.25', taxCents: 32, totalCents: 542 })
    const stored = await app.prisma.invoice.findFirstOrThrow({ where: { customerId: 'cus_tax3', period: '2025-05' } })
    expect([stored.subtotalCents, String(stored.taxRatePercent), stored.taxCents, stored.totalCents]).toEqual([510, '6.25', 32, 542])
  })
})
