import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authorised, buildTestApp, placeOrder, type App } from '../helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

async function setStock(sku: string, available: number) {
  const response = await app.inject({ headers: authorised, method: 'PUT', url: `/stock/${sku}`, payload: { available } })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ sku: string; available: number }>()
}

async function stockOf(sku: string): Promise<number> {
  const response = await app.inject({ headers: authorised, method: 'GET', url: `/stock/${sku}` })
  expect(response.statusCode, response.body).toBe(200)
  return response.json<{ available: number }>().available
}

function order(lines: { sku: string; quantity: number }[]) {
  return app.inject({
    headers: authorised,
    method: 'POST',
    url: '/orders',
    payload: { customerId: 'cus_stock01', lines: lines.map((line) => ({ ...line, unitPriceCents: 1500 })) }
  })
}

describe('PUT /stock/:sku and GET /stock/:sku', () => {
  it('tracks a SKU and replaces its count', async () => {
    expect(await setStock('LAMP-DESK-01', 12)).toEqual({ sku: 'LAMP-DESK-01', available: 12 })
    expect(await setStock('LAMP-DESK-01', 3)).toEqual({ sku: 'LAMP-DESK-01', available: 3 })
    expect(await stockOf('LAMP-DESK-01')).toBe(3)
  })

  it('answers 404 for a SKU that is not stocked and 400 for a negative count', async () => {
    expect((await app.inject({ headers: authorised, method: 'GET', url: '/stock/NOT-STOCKED-9' })).statusCode).toBe(404)
    const negative = await app.inject({ headers: authorised, method: 'PUT', url: '/stock/LAMP-DESK-02', payload: { available: -1 } })
    expect(negative.statusCode).toBe(400)
  })
})

describe('Orders take stock', () => {
  it('takes the ordered quantity of every limited SKU, and leaves SKUs without stock unlimited', async () => {
    await setStock('TOTE-CANVAS-7', 5)
    await placeOrder(app, 'cus_stock01', {
      lines: [
        { sku: 'TOTE-CANVAS-7', quantity: 2, unitPriceCents: 2500 },
        { sku: 'MADE-TO-ORDER-1', quantity: 40, unitPriceCents: 900 }
      ]
    })
    expect(await stockOf('TOTE-CANVAS-7')).toBe(3)
  })

  it('sells the last units, then refuses with 409 and takes nothing', async () => {
    await setStock('MUG-LAST-3', 3)
    expect((await order([{ sku: 'MUG-LAST-3', quantity: 3 }])).statusCode).toBe(201)
    const soldOut = await order([{ sku: 'MUG-LAST-3', quantity: 1 }])
    expect(soldOut.statusCode).toBe(409)
    expect(soldOut.json().message).toBe('MUG-LAST-3 is sold out')
    expect(await stockOf('MUG-LAST-3')).toBe(0)
  })

  it('refuses an order when one of its lines asks for more than is left, and takes nothing for the other lines', async () => {
    await setStock('BOWL-ASH-4', 10)
    await setStock('KNIFE-CHEF-2', 1)
    const refused = await order([
      { sku: 'BOWL-ASH-4', quantity: 4 },
      { sku: 'KNIFE-CHEF-2', quantity: 2 }
    ])
    expect(refused.statusCode).toBe(409)
    expect(refused.json().message).toBe('Only 1 of KNIFE-CHEF-2 left')
    expect(await stockOf('BOWL-ASH-4')).toBe(10)
    expect(await stockOf('KNIFE-CHEF-2')).toBe(1)
  })
})
