import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { json, listAll, listingPath, MAX_PRICE, pagesOf, priceWithDigits, rangeProblem, skusPriced, stockCategory } from './prices.js'

scenarioTest('Open-ended ranges, free items and ends of the same length list what they should', async () => {
  const digits = random.int(3, 5)
  const { category, products } = await stockCategory([0, 0, ...Array.from({ length: 10 }, () => priceWithDigits(digits)), priceWithDigits(digits - 1), priceWithDigits(digits + 1)])
  const prices = new Map(products.map((product) => [product.sku, product.priceCents]))
  const [a, b] = [priceWithDigits(digits), priceWithDigits(digits)].sort((x, y) => x - y) as [number, number]
  const some = products[random.int(2, 11)]!.priceCents
  const cases: [string, number, number][] = [
    [`${a}..${b}`, a, b],
    [`${b}..${a}`, a, b],
    [`${some}..${some}`, some, some],
    [`${a}..`, a, MAX_PRICE],
    [`..${b}`, 0, b],
    [`0..${b}`, 0, b],
    ['0..0', 0, 0],
    ['..0', 0, 0],
    ['0..', 0, MAX_PRICE]
  ]
  const problems: string[] = []
  for (const [price, low, high] of cases) {
    const problem = await rangeProblem(category, price, low, high, prices)
    if (problem) problems.push(problem)
  }
  check(problems.length === 0, `${problems.length} of ${cases.length} price ranges went wrong: ${problems.slice(0, 3).join(' | ')}.`)
})

scenarioTest('Without a price filter the storefront lists every active product, page by page', async () => {
  const { category, products } = await stockCategory(
    Array.from({ length: 9 }, () => random.cents()),
    (index) => index % 4 === 2
  )
  const hidden = products[random.int(0, products.length - 1)]!
  expectStatus(await service.patch(`/products/${hidden.sku}`, { active: false }), 200, `hiding ${hidden.sku}`)
  for (const inStock of [false, true]) {
    const expected = await skusPriced(category, 0, MAX_PRICE, inStock)
    for (const limit of [2, 3, expected.length]) {
      const query = { category, limit, ...(inStock ? { inStock } : {}) }
      const listing = await listAll(query)
      expectEqual(listing.pages, pagesOf(expected, limit), `The pages of GET ${listingPath(query)} (following next)`)
    }
  }
})

scenarioTest('Paging through a price range with ends of the same length lists every product once', async () => {
  const digits = random.int(3, 5)
  const [low, high] = [10 ** (digits - 1), 10 ** digits - 1]
  const { category } = await stockCategory(
    Array.from({ length: 11 }, (_, index) => (index < 8 ? random.int(low, high) : random.int(high + 1, high * 3))),
    (index) => index % 3 === 0
  )
  for (const inStock of [false, true]) {
    const expected = await skusPriced(category, low, high, inStock)
    for (const limit of [1, 2, 3, Math.max(1, expected.length)]) {
      const query = { category, price: `${high}..${low}`, limit, ...(inStock ? { inStock } : {}) }
      const listing = await listAll(query)
      expectEqual(listing.pages, pagesOf(expected, limit), `The pages of GET ${listingPath(query)} (following next)`)
    }
  }
})

scenarioTest('A price filter that is not a range is refused, and other errors keep their status', async () => {
  const { category } = await stockCategory([random.cents()])
  for (const price of ['..', 'cheap', `${random.int(1, 90)}.50..${random.int(100, 900)}`, `-${random.int(1, 9)}..${random.int(10, 99)}`, `${random.int(10, 99)}-${random.int(100, 999)}`, String(random.int(100, 999))]) {
    const path = listingPath({ category, price })
    const response = await service.get(path)
    expectStatus(response, 400, `a price filter that is not min..max`)
    check(typeof (response.body as { message?: unknown }).message === 'string', `GET ${path} answered 400 without a message: ${json(response.body)}`)
  }
  expectStatus(await service.get(`/products/${random.sku()}`), 404, 'reading a product that does not exist')
  expectStatus(await service.get(listingPath({ category, limit: 0 })), 400, 'a page size of 0')
})
