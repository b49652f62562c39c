import { check, database, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  editSomething,
  json,
  MENU,
  MENU_BY_NAME,
  page,
  stockCategories,
  storedAlphabetical,
  storedProblem,
  TILES,
  urlOf,
  viewProblem,
  type CategoryPage,
  type Summary,
  type View
} from './categories.js'

scenarioTest('Each view, read first after an edit, lists every category in its order with its active products', async () => {
  const { categories, products } = await stockCategories()
  const alphabetical = await storedAlphabetical()
  const [first, last] = [alphabetical[0]!.category, alphabetical.at(-1)!.category]
  const views: View[] = [MENU, MENU_BY_NAME, TILES, ...categories.map(page), page(first), page(last)]
  const problems: string[] = []
  for (const view of random.shuffle(views)) {
    const edit = await editSomething(products)
    const problem = await viewProblem(view, alphabetical, edit)
    if (problem) problems.push(problem)
  }
  const stored = await storedProblem(products)
  if (stored) problems.push(stored)
  check(problems.length === 0, `${problems.length} answers were wrong: ${problems.slice(0, 2).join(' | ')}.`)
})

/** The count each view shows for `category` (0 when it is not listed). */
async function countsShown(category: string): Promise<Record<string, number>> {
  const shown: Record<string, number> = {}
  for (const view of [MENU, TILES]) {
    const response = await service.get<Summary[]>(urlOf(view))
    expectStatus(response, 200, `reading ${urlOf(view)}`)
    shown[urlOf(view)] = response.body.find((summary) => summary.category === category)?.productCount ?? 0
  }
  const response = await service.get<CategoryPage>(urlOf(page(category)))
  shown[urlOf(page(category))] = response.status === 404 ? 0 : (response.body as CategoryPage).productCount
  return shown
}

scenarioTest('The categories are served from memory: a change made by another instance shows after the next edit here', async () => {
  const { categories, products } = await stockCategories()
  const category = categories[4]!
  const before = (await storedAlphabetical()).find((summary) => summary.category === category)!.productCount
  for (const view of [MENU, TILES, page(category)]) {
    expectStatus(await service.get(urlOf(view)), 200, `reading ${urlOf(view)}`)
  }
  // Another instance withdraws one of the category's products: this one is not told, and serves its counts for a while.
  const withdrawn = products.find((product) => product.category === category && product.active)!
  await database.query('UPDATE products SET active = false WHERE sku = $1', [withdrawn.sku])
  const cached = await countsShown(category)
  check(
    Object.values(cached).every((count) => count === before),
    `Right after another instance withdrew ${withdrawn.sku}, ${category} was counted ${json(cached)}: the categories should come from memory (CACHE_TTL_MS) and still count ${before} until they expire or this instance changes a product.`
  )
  const edit = await editSomething(products)
  const fresh = await countsShown(category)
  check(
    Object.values(fresh).every((count) => count === before - 1),
    `After ${edit}, ${category} was counted ${json(fresh)}, expected ${before - 1} everywhere (${withdrawn.sku} was withdrawn).`
  )
})

scenarioTest('Unknown orders and malformed categories are refused, categories without active products are not found', async () => {
  const { products } = await stockCategories()
  for (const sort of ['price', 'NAME', 'newest']) {
    expectStatus(await service.get(`/categories?sort=${sort}`), 400, `listing the categories with sort=${sort}`)
  }
  expectStatus(await service.get('/categories/Home%20Decor'), 400, 'reading the category "Home Decor"')
  const unknown = random.category()
  expectStatus(await service.get(`/categories/${unknown}`), 404, `reading ${unknown}, which has no products`)
  const lone = random.category()
  const moved = products.find((product) => product.active)!
  expectStatus(await service.patch(`/products/${moved.sku}`, { category: lone, active: false }), 200, `moving ${moved.sku} to ${lone} and withdrawing it`)
  expectStatus(await service.get(`/categories/${lone}`), 404, `reading ${lone}, whose only product is withdrawn`)
})
