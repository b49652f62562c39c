import { check, database, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  drawCase,
  drawSingleLine,
  expectedCharges,
  failWith,
  invoiceProblems,
  meters,
  newCustomer,
  pastPeriod,
  prepare,
  prepareAll,
  previewProblem,
  type TaxCase
} from './tax.js'

scenarioTest('One-meter months, and months whose lines round alike, are taxed right: half a cent rounds up, less rounds down', async () => {
  const cases: TaxCase[] = [
    // exactly half a cent, just under and just over it, and anything
    await drawSingleLine(50_000, 50_000, 'even'),
    await drawSingleLine(50_000, 50_000, 'odd'),
    await drawSingleLine(1, 49_999),
    await drawSingleLine(50_001, 99_999),
    await drawSingleLine(0, 99_999),
    await drawCase(2, false),
    await drawCase(3, false)
  ]
  await prepareAll(cases)
  const previews = await Promise.all(cases.map((taxCase) => previewProblem(taxCase)))
  const invoices: string[] = []
  for (const taxCase of cases) invoices.push(...(await invoiceProblems(taxCase)))
  failWith([...previews, ...invoices], 'Taxes that round the same either way are wrong')
})

scenarioTest('A customer without a rate, or at 0 %, pays no tax; a new rate reaches the preview at once and leaves issued invoices alone', async () => {
  const priced = await meters()
  const period = pastPeriod()
  const untaxed: TaxCase = { customerId: newCustomer(), period, ratePercent: '0', usage: random.sample(priced, 2).map((meter) => ({ meter: meter.code, quantity: random.int(1, 900), unitPriceCents: meter.unitPriceCents })) }
  const zero: TaxCase = { ...untaxed, customerId: newCustomer() }
  // No rate set at all for the first customer: only usage.
  for (const line of untaxed.usage) {
    const [year, month] = period.split('-').map(Number) as [number, number]
    const response = await service.post('/usage', { customerId: untaxed.customerId, meter: line.meter, quantity: line.quantity, occurredAt: new Date(Date.UTC(year, month - 1, random.int(1, 28), 12)).toISOString() })
    expectStatus(response, 201, `recording ${line.meter} for ${untaxed.customerId}`)
  }
  await prepare(zero)
  failWith([await previewProblem(untaxed), await previewProblem(zero), ...(await invoiceProblems(untaxed)), ...(await invoiceProblems(zero))], 'Customers without tax are charged wrong')

  const taxed = await drawSingleLine(0, 99_999)
  await prepare(taxed)
  failWith(await invoiceProblems(taxed), 'A taxed invoice is wrong')
  const later: TaxCase = { ...taxed, period: taxed.period < '2014-06' ? '2014-07' : '2013-12', ratePercent: random.pick(['5.5', '11.25', '3.333']) }
  const rate = await service.put(`/customers/${taxed.customerId}/tax-rate`, { ratePercent: later.ratePercent })
  expectStatus(rate, 200, `changing the tax rate of ${taxed.customerId} to ${later.ratePercent} %`)
  const [year, month] = later.period.split('-').map(Number) as [number, number]
  for (const line of later.usage) {
    const response = await service.post('/usage', { customerId: later.customerId, meter: line.meter, quantity: line.quantity, occurredAt: new Date(Date.UTC(year, month - 1, 15, 9)).toISOString() })
    expectStatus(response, 201, `recording ${line.meter} for ${later.customerId} in ${later.period}`)
  }
  const issued = await service.get<{ taxRatePercent: string; totalCents: number }>(`/customers/${taxed.customerId}/invoices/${taxed.period}`)
  expectStatus(issued, 200, `reading the ${taxed.period} invoice of ${taxed.customerId}`)
  check(
    issued.body.taxRatePercent === taxed.ratePercent && issued.body.totalCents === expectedCharges(taxed).totalCents,
    `After the rate of ${taxed.customerId} changed to ${later.ratePercent} %, GET /customers/${taxed.customerId}/invoices/${taxed.period} answered tax rate ${issued.body.taxRatePercent} %, total ${issued.body.totalCents}¢; expected the rate it was issued at, ${taxed.ratePercent} %, total ${expectedCharges(taxed).totalCents}¢`
  )
  failWith([await previewProblem(later)], `The preview after a rate change is wrong`)
})

scenarioTest('Tax rates are kept exactly as given; a rate that is not a percentage with up to three decimals is refused with 400', async () => {
  const customer = newCustomer()
  for (const ratePercent of ['8.875', '7.25', '20', '0.001', '99.999']) {
    const response = await service.put<{ ratePercent: string }>(`/customers/${customer}/tax-rate`, { ratePercent })
    expectStatus(response, 200, `setting the tax rate of ${customer} to ${ratePercent} %`)
    check(response.body.ratePercent === ratePercent, `PUT /customers/${customer}/tax-rate {"ratePercent":"${ratePercent}"} answered ${response.text}, expected ratePercent "${ratePercent}"`)
    const [row] = await database.query<{ rate: string }>('SELECT rate_percent::text AS rate FROM customer_tax_rates WHERE customer_id = $1', [customer])
    check(row !== undefined && Number(row.rate) === Number(ratePercent), `After setting ${ratePercent} %, the customer_tax_rates table holds ${row?.rate} for ${customer}`)
  }
  for (const ratePercent of ['100', '-1', '8.8751', 'eight', '']) {
    const response = await service.put(`/customers/${customer}/tax-rate`, { ratePercent })
    expectStatus(response, 400, `setting the tax rate of ${customer} to "${ratePercent}"`)
  }
  const read = await service.get<{ ratePercent: string }>(`/customers/${customer}/tax-rate`)
  check(read.body.ratePercent === '99.999', `GET /customers/${customer}/tax-rate answered ${read.text} after refused changes, expected the last accepted rate, 99.999`)
})
