import { random, scenarioTest } from '@debug-drills/drill-kit'
import {
  billingProblems,
  effectiveTerms,
  failWith,
  meters,
  negotiatedAllowance,
  negotiatedPrice,
  newCase,
  prepareAll,
  quantityAbove,
  type CaseLine,
  type Meter,
  type Terms
} from './contract.js'

/** A line on the given terms, used beyond what it includes so that its price shows in the amount. */
function lineOn(meter: Meter, terms?: Terms): CaseLine {
  const line: CaseLine = { meter, quantity: 0, terms }
  return { ...line, quantity: quantityAbove(effectiveTerms(line).includedUnits, meter) }
}

scenarioTest('A meter the contract makes free (0 ¢) is not charged, on the preview and on the invoice', async () => {
  const [free, discounted, plain, other] = random.shuffle(await meters()) as [Meter, Meter, Meter, Meter]
  const cases = [
    // The ticket's customer: one meter free, another at a discount, a third at the list price.
    newCase([lineOn(free, { unitPriceCents: 0, includedUnits: null }), lineOn(discounted, { unitPriceCents: negotiatedPrice(discounted), includedUnits: null }), lineOn(plain)]),
    newCase([lineOn(other, { unitPriceCents: 0, includedUnits: negotiatedAllowance(other) }), lineOn(free)]),
    newCase([lineOn(discounted, { unitPriceCents: 0, includedUnits: 0 })])
  ]
  await prepareAll(cases)
  failWith(await billingProblems(cases), 'A meter the contract makes free is charged')
})

scenarioTest('A contract without the free allowance (0 included units) is charged from the first unit', async () => {
  const [first, second, third] = random.shuffle(await meters()) as [Meter, Meter, Meter]
  // Usage below, at and above the allowance the meter would have included.
  const below = { meter: first, quantity: random.int(1, first.includedUnits), terms: { unitPriceCents: null, includedUnits: 0 } }
  const at = { meter: second, quantity: second.includedUnits, terms: { unitPriceCents: negotiatedPrice(second), includedUnits: 0 } }
  const above = { meter: third, quantity: quantityAbove(third.includedUnits, third), terms: { unitPriceCents: null, includedUnits: 0 } }
  const cases = [newCase([below, lineOn(second)]), newCase([at]), newCase([above, lineOn(first, { unitPriceCents: negotiatedPrice(first), includedUnits: negotiatedAllowance(first) })])]
  await prepareAll(cases)
  failWith(await billingProblems(cases), 'A contract without the free allowance is billed with it')
})

scenarioTest('Customers whose contracts mix zero, negotiated and open terms are billed by their contracts', async () => {
  const priced = await meters()
  const cases = Array.from({ length: 3 }, () => {
    const chosen = random.sample(priced, random.int(2, 4))
    const lines = chosen.map((meter): CaseLine => {
      const price = random.pick([null, 0, meter.unitPriceCents, negotiatedPrice(meter)])
      const allowance = random.pick([null, 0, meter.includedUnits, negotiatedAllowance(meter)])
      const terms = random.chance(0.8) ? { unitPriceCents: price, includedUnits: allowance } : undefined
      const line: CaseLine = { meter, quantity: 0, terms }
      const { includedUnits } = effectiveTerms(line)
      return { ...line, quantity: random.chance(0.7) ? quantityAbove(includedUnits, meter) : random.int(1, includedUnits + 1) }
    })
    // Every customer has at least one term negotiated down to 0, where it changes the bill.
    const zeroed = random.pick(lines)
    const price = zeroed.terms?.unitPriceCents ?? null
    // A price of 0 next to an allowance of 0 would hide the allowance: that line keeps a price.
    zeroed.terms = random.chance() ? { unitPriceCents: 0, includedUnits: zeroed.terms?.includedUnits ?? null } : { unitPriceCents: price === 0 ? null : price, includedUnits: 0 }
    zeroed.quantity = quantityAbove(effectiveTerms(zeroed).includedUnits, zeroed.meter)
    return newCase(lines)
  })
  await prepareAll(cases)
  failWith(await billingProblems(cases), 'Contracts with terms at 0 are billed wrong')
})
