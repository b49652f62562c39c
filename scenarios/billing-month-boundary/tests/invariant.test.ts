import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { issueInvoice, METERS, newCustomer, quantityOf, randomPeriod, recordUsage, utc, type Invoice } from './billing.js'

scenarioTest('Usage in the middle of a month is billed per meter at list price', async () => {
  const customer = newCustomer()
  const { period, year, month } = randomPeriod()
  const expected = new Map<string, number>()
  for (let i = 0; i < random.int(3, 8); i++) {
    const meter = random.pick(METERS)
    const quantity = random.int(1, 400)
    expected.set(meter, (expected.get(meter) ?? 0) + quantity)
    await recordUsage(customer, meter, quantity, utc(year, month, random.int(5, 25), random.int(0, 23)))
  }
  const invoice = await issueInvoice(customer, period)
  for (const [meter, quantity] of expected) expectEqual(quantityOf(invoice, meter), quantity, `The ${meter} quantity on the ${period} invoice`)
  const prices = await database.query<{ code: string; unit_price_cents: number }>('SELECT code, unit_price_cents FROM meters')
  const total = [...expected].reduce((sum, [meter, quantity]) => sum + quantity * (prices.find((p) => p.code === meter)?.unit_price_cents ?? 0), 0)
  expectEqual(invoice.totalCents, total, `The total of the ${period} invoice`)
})

scenarioTest('A month without usage gets an empty invoice', async () => {
  const invoice = await issueInvoice(newCustomer(), randomPeriod().period)
  expectEqual([invoice.totalCents, invoice.lines.length], [0, 0], 'The total and number of lines of an invoice with no usage')
})

scenarioTest('A period is invoiced once per customer, and the invoice reads back', async () => {
  const customer = newCustomer()
  const { period, year, month } = randomPeriod()
  await recordUsage(customer, 'seats', random.int(1, 50), utc(year, month, 12, 12))
  const issued = await issueInvoice(customer, period)
  expectStatus(await service.post(`/customers/${customer}/invoices`, { period }), 409, `a second ${period} invoice`)
  const read = await service.get<Invoice>(`/customers/${customer}/invoices/${period}`)
  expectStatus(read, 200, 'reading the invoice')
  expectEqual(read.body.totalCents, issued.totalCents, 'The total read back')
  const rows = await database.query<{ count: string }>('SELECT count(*) FROM invoices WHERE customer_id = $1', [customer])
  expectEqual(Number(rows[0]?.count), 1, `The number of invoices stored for ${customer}`)
})

scenarioTest('The current month cannot be invoiced yet', async () => {
  const now = new Date()
  const period = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`
  expectStatus(await service.post(`/customers/${newCustomer()}/invoices`, { period }), 409, `${period} has not ended`)
})

scenarioTest('Usage of an unknown meter is refused with 422', async () => {
  const response = await service.post('/usage', { customerId: newCustomer(), meter: `${random.word()}-units`, quantity: 1, occurredAt: new Date().toISOString() })
  expectStatus(response, 422, 'no such meter')
})
