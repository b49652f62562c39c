import { database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  billingProblems,
  chargesProblem,
  failWith,
  meters,
  negotiatedAllowance,
  negotiatedPrice,
  newCase,
  newCustomer,
  pastPeriod,
  prepare,
  prepareAll,
  previewProblem,
  quantityAbove,
  storedCharges,
  typicalVolume,
  type BillingCase,
  type Charges,
  type Meter,
  type Terms
} from './contract.js'

scenarioTest('Customers without a contract, or whose contract leaves a term open (null), get the meter\'s price and allowance', async () => {
  const [first, second, third, fourth] = random.shuffle(await meters()) as [Meter, Meter, Meter, Meter]
  const cases = [
    // No contract at all: usage below, exactly at and above each meter's allowance.
    newCase([
      { meter: first, quantity: random.int(1, Math.max(1, first.includedUnits - 1)) },
      { meter: second, quantity: second.includedUnits },
      { meter: third, quantity: quantityAbove(third.includedUnits, third) }
    ]),
    // Terms set and then left open, and terms equal to the meter's own.
    newCase([
      { meter: fourth, quantity: quantityAbove(fourth.includedUnits, fourth), terms: { unitPriceCents: null, includedUnits: null } },
      { meter: first, quantity: quantityAbove(first.includedUnits, first), terms: { unitPriceCents: first.unitPriceCents, includedUnits: first.includedUnits } }
    ]),
    // One term negotiated, the other open.
    newCase([
      { meter: second, quantity: quantityAbove(second.includedUnits, second), terms: { unitPriceCents: negotiatedPrice(second), includedUnits: null } },
      { meter: third, quantity: random.int(1, third.includedUnits * 4), terms: { unitPriceCents: null, includedUnits: negotiatedAllowance(third) } }
    ])
  ]
  await prepareAll(cases)
  failWith(await billingProblems(cases), 'Customers on the meter\'s own terms are billed wrong')
})

scenarioTest('Negotiated prices and allowances are billed, and an issued invoice keeps the terms it was issued on', async () => {
  const [first, second] = random.sample(await meters(), 2) as [Meter, Meter]
  const terms = (meter: Meter): Terms => ({ unitPriceCents: negotiatedPrice(meter), includedUnits: negotiatedAllowance(meter) })
  const issued = newCase([
    { meter: first, quantity: random.int(1, first.includedUnits * 2 + typicalVolume(first)), terms: terms(first) },
    { meter: second, quantity: random.int(1, second.includedUnits * 2 + typicalVolume(second)), terms: terms(second) }
  ])
  await prepare(issued)
  failWith(await billingProblems([issued]), 'Negotiated terms are billed wrong')

  // New terms for the next month: the issued invoice stays as it was, the other month's preview follows them.
  const next: BillingCase = { ...issued, period: pastPeriod(), lines: issued.lines.map((line) => ({ ...line, quantity: random.int(1, line.meter.includedUnits * 2 + typicalVolume(line.meter)), terms: terms(line.meter) })) }
  await prepare(next)
  const path = `/customers/${issued.customerId}/invoices/${issued.period}`
  const read = await service.get<Charges>(path)
  expectStatus(read, 200, `reading the ${issued.period} invoice after the contract changed`)
  const stored = await storedCharges(issued.customerId, issued.period)
  failWith(
    [
      chargesProblem(`After the contract of ${issued.customerId} changed, GET ${path}`, read.body, issued),
      chargesProblem(`After the contract of ${issued.customerId} changed, the stored ${issued.period} invoice`, stored?.charges, issued),
      await previewProblem(next)
    ],
    'A contract change reached an issued invoice, or did not reach the preview'
  )
})

scenarioTest('Contract terms are kept as given, 0 and null included; terms that are not whole numbers from 0 are refused with 400, an unknown meter with 404', async () => {
  const priced = random.shuffle(await meters())
  const customerId = newCustomer()
  const wanted: [Meter, Terms][] = [
    [priced[0]!, { unitPriceCents: 0, includedUnits: 0 }],
    [priced[1]!, { unitPriceCents: null, includedUnits: null }],
    [priced[2]!, { unitPriceCents: negotiatedPrice(priced[2]!), includedUnits: 0 }],
    [priced[3]!, { unitPriceCents: 0, includedUnits: negotiatedAllowance(priced[3]!) }]
  ]
  for (const [meter, terms] of wanted) {
    const response = await service.put<Terms & { meter: string }>(`/customers/${customerId}/contract/${meter.code}`, terms)
    expectStatus(response, 200, `setting the contract of ${customerId} for ${meter.code}`)
    expectEqual(
      [response.body.meter, response.body.unitPriceCents, response.body.includedUnits],
      [meter.code, terms.unitPriceCents, terms.includedUnits],
      `PUT /customers/${customerId}/contract/${meter.code} ${JSON.stringify(terms)} answered meter, unitPriceCents, includedUnits`
    )
  }
  const expected = [...wanted].sort(([a], [b]) => (a.code < b.code ? -1 : 1)).map(([meter, terms]) => [meter.code, terms.unitPriceCents, terms.includedUnits])
  const contract = await service.get<{ terms: { meter: string; unitPriceCents: number | null; includedUnits: number | null }[] }>(`/customers/${customerId}/contract`)
  expectStatus(contract, 200, `reading the contract of ${customerId}`)
  expectEqual(contract.body.terms.map((terms) => [terms.meter, terms.unitPriceCents, terms.includedUnits]), expected, `GET /customers/${customerId}/contract: the terms by meter`)
  const rows = await database.query<{ meter_code: string; unit_price_cents: number | null; included_units: number | null }>(
    'SELECT meter_code, unit_price_cents, included_units FROM contract_terms WHERE customer_id = $1 ORDER BY meter_code',
    [customerId]
  )
  expectEqual(rows.map((row) => [row.meter_code, row.unit_price_cents, row.included_units]), expected, `The contract_terms rows of ${customerId}`)

  const [meter] = wanted[0]!
  for (const bad of [{ unitPriceCents: -1, includedUnits: null }, { unitPriceCents: null, includedUnits: -5 }, { unitPriceCents: 2.5, includedUnits: null }, { unitPriceCents: 3 }, { includedUnits: 0 }]) {
    const response = await service.put(`/customers/${customerId}/contract/${meter.code}`, bad)
    expectStatus(response, 400, `setting the contract of ${customerId} for ${meter.code} to ${JSON.stringify(bad)}`)
  }
  const unknown = await service.put(`/customers/${customerId}/contract/${random.pick(['fax-pages', 'telex-minutes', 'pager-alerts'])}-${random.int(10, 99)}`, { unitPriceCents: 0, includedUnits: null })
  expectStatus(unknown, 404, 'setting a contract for a meter that does not exist')
  const after = await database.query<{ unit_price_cents: number | null; included_units: number | null }>(
    'SELECT unit_price_cents, included_units FROM contract_terms WHERE customer_id = $1 AND meter_code = $2',
    [customerId, meter.code]
  )
  expectEqual(after.map((row) => [row.unit_price_cents, row.included_units]), [[0, 0]], `After refused changes, the contract_terms row of ${customerId} for ${meter.code}`)
})
