import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  currentPeriod,
  failWith,
  periodAt,
  usageListProblem,
  type RecordedUsage,
  invoicePath,
  issueAndVerify,
  latestClosedYear,
  meters,
  monthStart,
  newCustomer,
  periodOf,
  quantityFor,
  recordUsage,
  usageMidMonth,
  type Invoice,
  type Usage
} from './billing.js'

scenarioTest('Usage in the middle of a month is billed per meter at list price', async () => {
  const year = random.int(2008, latestClosedYear())
  const month = random.int(1, 12)
  const customers = [newCustomer(), newCustomer()]
  const usage: Usage[] = []
  for (const customer of customers) {
    for (let i = random.int(3, 8); i > 0; i--) usage.push(await usageMidMonth(customer, year, month))
  }
  await recordUsage(usage)
  await issueAndVerify(customers, [periodOf(year, month)], usage)
})

scenarioTest('The price list lists every meter with its unit price', async () => {
  const listed = await meters()
  const stored = await database.query<{ code: string; name: string; unit_price_cents: number }>('SELECT code, name, unit_price_cents FROM meters ORDER BY code')
  expectEqual(
    listed.map(({ code, name, unitPriceCents }) => [code, name, unitPriceCents]),
    stored.map(({ code, name, unit_price_cents }) => [code, name, unit_price_cents]),
    'GET /meters (code, name, unit price) compared with the meters table'
  )
})

scenarioTest('A month without usage gets an empty invoice', async () => {
  const customer = newCustomer()
  const year = random.int(2008, latestClosedYear())
  const month = random.int(1, 12)
  // Usage in the months around it, but none in it.
  const usage = [await usageMidMonth(customer, year, month - 1), await usageMidMonth(customer, year, month + 1)]
  await recordUsage(usage)
  await issueAndVerify([customer], [periodOf(year, month)], usage)
})

scenarioTest('Recorded usage is stored at the instant it happened, whatever offset it is sent with', async () => {
  const customer = newCustomer()
  const meter = random.pick(await meters()).code
  const year = random.int(2008, latestClosedYear())
  const instants = [
    monthStart(year, random.int(1, 12)),
    monthStart(year, random.int(1, 12)) - 1,
    monthStart(year, random.int(1, 12)) + random.int(0, 27 * 24 * 60) * 60_000 + random.int(0, 59_999)
  ]
  // The same instant as a client in another timezone would write it.
  const offsetMinutes = random.pick([-300, -240, 60, 120, 330, 540])
  const written = (at: number) => {
    const local = new Date(at + offsetMinutes * 60_000).toISOString().slice(0, 23)
    const sign = offsetMinutes < 0 ? '-' : '+'
    const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0')
    return `${local}${sign}${hours}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}`
  }
  const sent = instants.map((at, index) => ({ customerId: customer, meter, quantity: quantityFor(meter), occurredAt: index === 2 ? written(at) : new Date(at).toISOString() }))
  const answers = await Promise.all(sent.map((event) => service.post<Usage & { id: number }>('/usage', event)))
  for (const [index, answer] of answers.entries()) {
    expectStatus(answer, 201, `recording usage at ${sent[index]!.occurredAt}`)
    expectEqual(answer.body.occurredAt, new Date(instants[index]!).toISOString(), `The occurredAt POST /usage answered for ${sent[index]!.occurredAt}`)
  }
  const rows = await database.query<{ id: number; meter_code: string; quantity: number; occurred_at: Date }>(
    'SELECT id, meter_code, quantity, occurred_at FROM usage_events WHERE customer_id = $1 ORDER BY id',
    [customer]
  )
  expectEqual(
    rows.map((row) => [row.meter_code, row.quantity, row.occurred_at.toISOString()]).sort(),
    sent.map((event, index) => [event.meter, event.quantity, new Date(instants[index]!).toISOString()]).sort(),
    `The usage stored for ${customer} (meter, quantity, occurred_at)`
  )
})

scenarioTest('A period is invoiced once per customer; late usage and a second request leave the invoice as it was', async () => {
  const customer = newCustomer()
  const year = random.int(2008, latestClosedYear())
  const month = random.int(1, 12)
  const period = periodOf(year, month)
  const first = [await usageMidMonth(customer, year, month), await usageMidMonth(customer, year, month)]
  await recordUsage(first)
  await issueAndVerify([customer], [period], first)
  // Late usage for the month, and the same invoice requested twice, all at once.
  const late = await usageMidMonth(customer, year, month)
  const [lateAnswer, ...again] = await Promise.all([
    service.post('/usage', late),
    service.post(invoicePath(customer), { period }),
    service.post(invoicePath(customer), { period })
  ])
  expectStatus(lateAnswer!, 409, `usage at ${late.occurredAt} arrived after ${period} was invoiced for ${customer}`)
  for (const response of again) expectStatus(response, 409, `${period} is already invoiced for ${customer}`)
  const usageRows = await database.query<{ count: string }>('SELECT count(*) FROM usage_events WHERE customer_id = $1', [customer])
  expectEqual(Number(usageRows[0]?.count), first.length, `The number of usage events stored for ${customer} after usage for the invoiced ${period} was refused`)
  const read = await service.get<Invoice>(`${invoicePath(customer)}/${period}`)
  expectStatus(read, 200, 'reading the invoice back')
  const stored = await database.query<{ total_cents: number; lines: string }>(
    'SELECT i.total_cents, (SELECT count(*) FROM invoice_lines l WHERE l.invoice_id = i.id) AS lines FROM invoices i WHERE customer_id = $1',
    [customer]
  )
  expectEqual(
    stored.map((row) => [row.total_cents, Number(row.lines)]),
    [[read.body.totalCents, read.body.lines.length]],
    `The invoices stored for ${customer} (total, number of lines) after asking for ${period} three times`
  )
})

scenarioTest('Months that have not ended cannot be invoiced, and nothing is stored', async () => {
  const customer = newCustomer()
  const period = currentPeriod()
  const [year, month] = period.split('-').map(Number) as [number, number]
  const future = periodOf(year, month + random.int(1, 30))
  const meter = random.pick(await meters()).code
  await recordUsage([{ customerId: customer, meter, quantity: quantityFor(meter), occurredAt: new Date(Date.now() - random.int(1, 60) * 1000).toISOString() }])
  const [now, later] = await Promise.all([service.post(invoicePath(customer), { period }), service.post(invoicePath(customer), { period: future })])
  expectStatus(now, 409, `${period} has not ended yet`)
  expectStatus(later, 409, `${future} has not begun yet`)
  const rows = await database.query<{ count: string }>('SELECT count(*) FROM invoices WHERE customer_id = $1', [customer])
  expectEqual(Number(rows[0]?.count), 0, `The number of invoices stored for ${customer}`)
})

scenarioTest('Malformed periods are refused with 400 and an invoice never issued is 404', async () => {
  const customer = newCustomer()
  const year = random.int(2008, latestClosedYear())
  const malformed = [`${year}-13`, `${year}-00`, `${year}-${random.int(1, 9)}`, `${year}${String(random.int(1, 12)).padStart(2, '0')}`, `${String(random.int(1, 12)).padStart(2, '0')}-${year}`]
  const answers = await Promise.all([
    ...malformed.map((period) => service.post(invoicePath(customer), { period })),
    ...malformed.map((period) => service.get(`${invoicePath(customer)}/${period}`))
  ])
  for (const answer of answers) expectStatus(answer, 400, 'the period is not a month written YYYY-MM')
  const neverIssued = periodOf(year, random.int(1, 12))
  expectStatus(await service.get(`${invoicePath(customer)}/${neverIssued}`), 404, `${customer} has no invoice for ${neverIssued}`)
  const rows = await database.query<{ count: string }>('SELECT count(*) FROM invoices WHERE customer_id = $1', [customer])
  expectEqual(Number(rows[0]?.count), 0, `The number of invoices stored for ${customer}`)
})

scenarioTest('Usage of an unknown meter or from the future is refused with 422, malformed usage with 400', async () => {
  const customer = newCustomer()
  const known = new Set((await meters()).map((meter) => meter.code))
  const unknown = random.unique(() => random.pick(['sms-sent', 'gpu-hours', 'build-minutes', 'bandwidth-gb', 'webhooks', 'emails-sent']))
  check(!known.has(unknown), `the meter ${unknown} is unexpectedly on the price list`)
  const occurredAt = new Date(Date.now() - random.int(1, 600) * 60_000).toISOString()
  const meter = random.pick([...known])
  const future = new Date(Date.now() + random.int(15, 24 * 60) * 60_000).toISOString()
  const [unknownMeter, noTime, badTime, zero, ahead] = await Promise.all([
    service.post('/usage', { customerId: customer, meter: unknown, quantity: random.int(1, 50), occurredAt }),
    service.post('/usage', { customerId: customer, meter, quantity: random.int(1, 50) }),
    service.post('/usage', { customerId: customer, meter, quantity: random.int(1, 50), occurredAt: occurredAt.slice(0, 10).split('-').reverse().join('/') }),
    service.post('/usage', { customerId: customer, meter, quantity: 0, occurredAt }),
    service.post('/usage', { customerId: customer, meter, quantity: random.int(1, 50), occurredAt: future })
  ])
  expectStatus(unknownMeter, 422, `there is no meter ${unknown}`)
  expectStatus(noTime, 400, 'usage without occurredAt')
  expectStatus(badTime, 400, 'occurredAt is not a date-time')
  expectStatus(zero, 400, 'a quantity of 0')
  expectStatus(ahead, 422, `usage at ${future} has not happened yet`)
  const rows = await database.query<{ count: string }>('SELECT count(*) FROM usage_events WHERE customer_id = $1', [customer])
  expectEqual(Number(rows[0]?.count), 0, `The number of usage events stored for ${customer}`)
})

scenarioTest('A retried usage report is recorded once, and its key cannot be reused for other usage', async () => {
  const customer = newCustomer()
  const year = random.int(2008, latestClosedYear())
  const month = random.int(1, 12)
  const idempotencyKey = random.unique(() => [8, 4, 4, 4, 12].map((length) => Array.from({ length }, () => random.pick([...'0123456789abcdef'])).join('')).join('-'))
  const report = { ...(await usageMidMonth(customer, year, month)), idempotencyKey }
  // The reporter retries before the first answer arrives.
  const answers = await Promise.all([service.post<RecordedUsage>('/usage', report), service.post<RecordedUsage>('/usage', report)])
  expectEqual(answers.map((answer) => answer.status).sort(), [200, 201], `The statuses of POST /usage sent twice at once with idempotency key ${idempotencyKey}`)
  expectEqual(answers[0]!.body.id, answers[1]!.body.id, `The usage ids answered for the two POST /usage with idempotency key ${idempotencyKey}`)
  const other = { ...(await usageMidMonth(customer, year, month)), idempotencyKey }
  expectStatus(await service.post('/usage', other), 409, `idempotency key ${idempotencyKey} was used for other usage`)
  const rows = await database.query<{ quantity: number; occurred_at: Date; idempotency_key: string }>(
    'SELECT quantity, occurred_at, idempotency_key FROM usage_events WHERE customer_id = $1',
    [customer]
  )
  expectEqual(
    rows.map((row) => [row.quantity, row.occurred_at.toISOString(), row.idempotency_key]),
    [[report.quantity, report.occurredAt, idempotencyKey]],
    `The usage stored for ${customer} (quantity, occurred_at, idempotency_key)`
  )
})

scenarioTest('A customer\'s usage is listed newest first, by period, by meter and both, page by page', async () => {
  const year = random.int(2008, latestClosedYear())
  const months = [random.int(1, 4), random.int(5, 8), random.int(9, 12)]
  const [customer, neighbour] = [newCustomer(), newCustomer()]
  const usage: Usage[] = []
  for (const who of [customer, neighbour]) {
    for (const month of months) for (let i = random.int(2, 5); i > 0; i--) usage.push(await usageMidMonth(who, year, month))
  }
  await recordUsage(usage)
  const period = periodOf(year, random.pick(months))
  const meter = random.pick(usage.filter((event) => event.customerId === customer && periodAt(event.occurredAt) === period)).meter
  const limit = random.int(2, 5)
  const problems = await Promise.all([
    usageListProblem(customer, {}, limit, usage),
    usageListProblem(customer, { period }, limit, usage),
    usageListProblem(customer, { meter }, limit, usage),
    usageListProblem(customer, { period, meter }, limit, usage),
    usageListProblem(customer, { period: periodOf(year, 13) }, limit, usage)
  ])
  failWith(problems.filter((problem) => problem !== undefined), `Listing the usage of ${customer} went wrong`)
})
