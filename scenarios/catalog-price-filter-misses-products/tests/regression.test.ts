import { check, expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { listAll, listingPath, pagesOf, priceWithDigits, rangeProblem, skusInOrder, skusPriced, stockCategory, type Query } from './prices.js'

const DIGITS = [1, 2, 3, 4, 5, 6, 7]

scenarioTest('A price range lists every product priced within it, whatever the number of digits of its ends', async () => {
  // One end per number of digits, from 1 to 7, first digits alternating high and low
  // (7, 25, 950, 1299, 56000, 180000, 6400000...), and 0.
  const ends = [0, ...DIGITS.map((digits) => priceWithDigits(digits, digits % 2 === 1 ? [5, 9] : [1, 4]))]
  // Two products per number of digits, one between each two neighbouring ends, and a free one.
  const between = ends.slice(1).map((end, index) => random.int(ends[index]!, end))
  const { category, products } = await stockCategory([0, ...DIGITS.flatMap((digits) => [priceWithDigits(digits), priceWithDigits(digits)]), ...between])
  const prices = new Map(products.map((product) => [product.sku, product.priceCents]))
  // Every pair of ends, in both orders, and each end with itself.
  const pairs = ends.flatMap((from) => ends.map((to) => [from, to] as const))
  const problems = (await Promise.all(pairs.map(([from, to]) => rangeProblem(category, `${from}..${to}`, Math.min(from, to), Math.max(from, to), prices)))).filter(
    (problem) => problem !== undefined
  )
  check(problems.length === 0, `${problems.length} of ${ends.length ** 2} price ranges went wrong: ${problems.slice(0, 3).join(' | ')}.`)
})

scenarioTest('A price range from a few euros to a few hundred lists what it should, in stock or not', async () => {
  // The shop's own price slider: from 2.00-9.99 up to 10.00-19.99 or 100.00-199.99.
  const low = random.int(200, 999)
  const high = random.pick([random.int(1_000, 1_999), random.int(10_000, 19_999)])
  const inside = [low, high, random.int(low, high), random.int(low, high), random.int(1_000, high)]
  const outside = [random.int(0, low - 1), random.int(high + 1, 99_999)]
  const { category, products } = await stockCategory([...inside, ...outside], (index) => index % 3 === 1)
  const prices = new Map(products.map((product) => [product.sku, product.priceCents]))
  const problems: string[] = []
  for (const price of [`${low}..${high}`, `${high}..${low}`]) {
    for (const extra of [{}, { inStock: true }] as Query[]) {
      const problem = await rangeProblem(category, price, low, high, prices, extra)
      if (problem) problems.push(problem)
    }
  }
  check(problems.length === 0, `${problems.join(' | ')}.`)
})

scenarioTest('Paging through a price range whose ends differ in digits lists every product once', async () => {
  const low = priceWithDigits(random.int(2, 3), [2, 9])
  const high = priceWithDigits(random.int(4, 6), [1, 1])
  // Products 9 to 11 cost more than the range. Their SKUs fall anywhere in the category's order,
  // but never all three after the nine within the range (a listing that filtered each page after
  // reading it would then page right): one of them takes the place of one within it.
  const places = random.shuffle(Array.from({ length: 12 }, (_, place) => place))
  if (places.slice(9).every((place) => place >= 9)) {
    const swap = random.int(0, 8)
    ;[places[9], places[swap]] = [places[swap]!, places[9]!]
  }
  const ordered = await skusInOrder(12)
  const { category } = await stockCategory(
    Array.from({ length: 12 }, (_, index) => (index < 9 ? random.int(low, high) : random.int(high + 1, high * 2))),
    (index) => index % 4 === 0,
    places.map((place) => ordered[place]!)
  )
  for (const inStock of [false, true]) {
    const expected = await skusPriced(category, low, high, inStock)
    for (const limit of [1, 2, 3, expected.length]) {
      const query = { category, price: `${low}..${high}`, limit: Math.max(1, limit), ...(inStock ? { inStock } : {}) }
      const listing = await listAll(query)
      expectEqual(listing.pages, pagesOf(expected, query.limit), `The pages of GET ${listingPath(query)} (following next)`)
    }
  }
})
