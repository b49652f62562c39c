import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildTestApp, expectStatus, walletApi, type App } from '../helper.js'

let app: App
let api: ReturnType<typeof walletApi>
beforeAll(async () => {
  app = await buildTestApp()
  api = walletApi(app)
})
afterAll(async () => {
  await app?.close()
})

describe('platform', () => {
  it('reports ok while the database answers, without an API key', async () => {
    expectStatus(await app.inject({ method: 'GET', url: '/health' }), 200)
  })

  it('needs an API key everywhere else and echoes the request id', async () => {
    expectStatus(await app.inject({ method: 'GET', url: '/wallets/cus_anon1' }), 401)
    const response = await app.inject({ method: 'GET', url: '/wallets/cus_anon1', headers: { authorization: 'Bearer test-key', 'x-request-id': 'support-4711' } })
    expect(response.headers['x-request-id']).toBe('support-4711')
  })
})

describe('wallets', () => {
  it('opens a wallet once, empty, in the default currency', async () => {
    const created = await api.send('POST', '/wallets', { customerId: 'cus_open1' })
    expectStatus(created, 201)
    expect(created.json()).toMatchObject({ customerId: 'cus_open1', currency: 'USD', balanceCents: 0 })
    expectStatus(await api.send('POST', '/wallets', { customerId: 'cus_open1', currency: 'EUR' }), 409)
    expectStatus(await api.send('GET', '/wallets/cus_open1'), 200)
    expectStatus(await api.send('GET', '/wallets/cus_never1'), 404)
  })

  it('validates the body', async () => {
    for (const body of [{ customerId: 'alice' }, { customerId: 'cus_ok1', currency: 'usd' }]) {
      expectStatus(await api.send('POST', '/wallets', body), 400)
    }
  })
})

describe('POST /wallets/:customerId/spend', () => {
  it('takes the amount off the balance and writes a ledger entry', async () => {
    await api.funded('cus_spend1', 5_000)
    const spent = await api.send('POST', '/wallets/cus_spend1/spend', { orderId: 'ord_1001', amountCents: 1_250 })
    expectStatus(spent, 201)
    expect(spent.json()).toMatchObject({ kind: 'spend', amountCents: -1_250, balanceAfterCents: 3_750, reference: 'ord_1001', actor: 'tests' })
    expect((await api.send('GET', '/wallets/cus_spend1')).json()).toMatchObject({ balanceCents: 3_750 })
  })

  it('can spend the whole balance, and not a cent more', async () => {
    await api.funded('cus_spend2', 2_000)
    const refused = await api.send('POST', '/wallets/cus_spend2/spend', { orderId: 'ord_2002', amountCents: 2_001 })
    expectStatus(refused, 422)
    expect(refused.json<{ message: string }>().message).toMatch(/not enough/)
    expect((await api.send('GET', '/wallets/cus_spend2')).json()).toMatchObject({ balanceCents: 2_000 })
    const ledger = await api.send('GET', '/wallets/cus_spend2/ledger')
    expect(ledger.json<{ items: unknown[] }>().items).toHaveLength(1)
  })

  it('pays an order once: the same spend again answers the first, another amount is refused', async () => {
    await api.funded('cus_spend3', 9_000)
    const first = await api.send('POST', '/wallets/cus_spend3/spend', { orderId: 'ord_3003', amountCents: 4_000 })
    expectStatus(first, 201)
    const again = await api.send('POST', '/wallets/cus_spend3/spend', { orderId: 'ord_3003', amountCents: 4_000 })
    expectStatus(again, 200)
    expect(again.json()).toEqual(first.json())
    expectStatus(await api.send('POST', '/wallets/cus_spend3/spend', { orderId: 'ord_3003', amountCents: 3_000 }), 409)
    expect((await api.send('GET', '/wallets/cus_spend3')).json()).toMatchObject({ balanceCents: 5_000 })
  })

  it('serialises spends of one wallet: concurrent spends never overdraw it', async () => {
    await api.funded('cus_spend4', 10_000)
    const results = await Promise.all(Array.from({ length: 4 }, (_, index) => api.send('POST', '/wallets/cus_spend4/spend', { orderId: `ord_40${index}`, amountCents: 3_000 })))
    expect(results.map((response) => response.statusCode).sort()).toEqual([201, 201, 201, 422])
    expect((await api.send('GET', '/wallets/cus_spend4')).json()).toMatchObject({ balanceCents: 1_000 })
  })

  it('answers 404 for a customer without a wallet and 400 for a bad amount', async () => {
    expectStatus(await api.send('POST', '/wallets/cus_nowallet5/spend', { orderId: 'ord_5005', amountCents: 100 }), 404)
    for (const amountCents of [0, -5, 1.5]) expectStatus(await api.send('POST', '/wallets/cus_spend1/spend', { orderId: 'ord_5006', amountCents }), 400)
  })
})

describe('ledger and statements', () => {
  it('pages the ledger newest first', async () => {
    await api.funded('cus_ledger1', 10_000)
    for (const [index, amountCents] of [100, 200, 300, 400].entries()) {
      expectStatus(await api.send('POST', '/wallets/cus_ledger1/spend', { orderId: `ord_l${index}`, amountCents }), 201)
    }
    const first = (await api.send('GET', '/wallets/cus_ledger1/ledger?limit=3')).json<{ items: { amountCents: number }[]; nextCursor: string }>()
    expect(first.items.map((entry) => entry.amountCents)).toEqual([-400, -300, -200])
    const second = (await api.send('GET', `/wallets/cus_ledger1/ledger?limit=3&cursor=${first.nextCursor}`)).json<{ items: { amountCents: number }[]; nextCursor: null }>()
    expect(second.items.map((entry) => entry.amountCents)).toEqual([-100, 10_000])
    expect(second.nextCursor).toBeNull()
    expectStatus(await api.send('GET', '/wallets/cus_ledger1/ledger?cursor=nonsense'), 400)
  })

  it("states a month: opening and closing balance, credits, debits, entries oldest first", async () => {
    await api.funded('cus_stmt1', 6_000)
    expectStatus(await api.send('POST', '/wallets/cus_stmt1/spend', { orderId: 'ord_s1', amountCents: 1_500 }), 201)
    const month = new Date().toISOString().slice(0, 7)
    const statement = await api.send('GET', `/wallets/cus_stmt1/statement?month=${month}`)
    expectStatus(statement, 200)
    expect(statement.json()).toMatchObject({ month, openingBalanceCents: 0, closingBalanceCents: 4_500, creditsCents: 6_000, debitsCents: 1_500 })
    expect(statement.json<{ entries: { amountCents: number }[] }>().entries.map((entry) => entry.amountCents)).toEqual([6_000, -1_500])
    const earlier = await api.send('GET', '/wallets/cus_stmt1/statement?month=2020-01')
    expect(earlier.json()).toMatchObject({ openingBalanceCents: 0, closingBalanceCents: 0, entries: [] })
    expectStatus(await api.send('GET', '/wallets/cus_stmt1/statement?month=2026-13'), 400)
  })
})
