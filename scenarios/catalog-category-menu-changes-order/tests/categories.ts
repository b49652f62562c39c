import { check, database, expectStatus, random, service } from '@debug-drills/drill-kit'

export function json(value: unknown): string {
  return JSON.stringify(value)
}

export interface Summary {
  category: string
  productCount: number
}

export interface CategoryPage extends Summary {
  previous: string | null
  next: string | null
}

export interface Created {
  sku: string
  name: string
  category: string
  active: boolean
}

/** The storefront's three views of the categories, as a merchandiser names them. */
export type View = { kind: 'menu'; url: '/categories' | '/categories?sort=name' } | { kind: 'tiles' } | { kind: 'page'; category: string }

export const MENU: View = { kind: 'menu', url: '/categories' }
export const MENU_BY_NAME: View = { kind: 'menu', url: '/categories?sort=name' }
export const TILES: View = { kind: 'tiles' }
export const page = (category: string): View => ({ kind: 'page', category })

export function urlOf(view: View): string {
  if (view.kind === 'menu') return view.url
  return view.kind === 'tiles' ? '/categories?sort=products' : `/categories/${view.category}`
}

async function createProduct(category: string): Promise<Created> {
  const fields = { sku: random.sku(), name: random.productName(), category, priceCents: random.cents(), stock: random.chance(0.2) ? 0 : random.int(1, 300) }
  const response = await service.post<Created>('/products', fields)
  expectStatus(response, 201, `creating the product ${json(fields)}`)
  return { sku: fields.sku, name: fields.name, category, active: true }
}

/**
 * Products in fresh categories whose sizes run against the alphabet, so "A to Z" and "most
 * products first" always differ: the first category A to Z has a single product, two
 * categories tie (the tie must stay A to Z), and one category has a withdrawn product, which
 * must not count. Returns the categories A to Z and the products made.
 */
export async function stockCategories(): Promise<{ categories: string[]; products: Created[] }> {
  const categories = Array.from({ length: 5 }, () => random.category()).sort()
  const tie = random.int(2, 4)
  const sizes = [1, tie, tie, random.int(tie + 1, 6), random.int(7, 9)]
  const products: Created[] = []
  for (const [index, category] of categories.entries()) {
    products.push(...(await Promise.all(Array.from({ length: sizes[index]! }, () => createProduct(category)))))
  }
  const withdrawn = await createProduct(random.pick(categories.slice(1)))
  expectStatus(await service.patch(`/products/${withdrawn.sku}`, { active: false }), 200, `withdrawing ${withdrawn.sku} from the storefront`)
  products.push({ ...withdrawn, active: false })
  return { categories, products }
}

/**
 * A back-office edit that the catalog makes itself: it forgets its cached categories. The new
 * price always differs from the stored one: an edit that changes nothing forgets nothing.
 */
export async function editSomething(products: Created[]): Promise<string> {
  const product = random.pick(products.filter((created) => created.active))
  const [row] = await database.query<{ priceCents: number }>('SELECT price_cents AS "priceCents" FROM products WHERE sku = $1', [product.sku])
  let priceCents = random.cents()
  while (priceCents === row?.priceCents) priceCents = random.cents()
  expectStatus(await service.patch(`/products/${product.sku}`, { priceCents }), 200, `changing the price of ${product.sku}`)
  return `PATCH /products/${product.sku} (a price change)`
}

/** The active products per category as stored, A to Z in the database's own order. */
export async function storedAlphabetical(): Promise<Summary[]> {
  return database.query<Summary>('SELECT category, count(*)::int AS "productCount" FROM products WHERE active GROUP BY category ORDER BY category')
}

/** The most products first; categories with as many products keep their A to Z order. */
export function mostProductsFirst(alphabetical: Summary[]): Summary[] {
  return [...alphabetical].sort((a, b) => b.productCount - a.productCount)
}

export function expectedPage(alphabetical: Summary[], category: string): CategoryPage {
  const index = alphabetical.findIndex((summary) => summary.category === category)
  const summary = alphabetical[index]
  check(summary !== undefined, `The test expected ${category} to have active products.`)
  return { ...summary, previous: alphabetical[index - 1]?.category ?? null, next: alphabetical[index + 1]?.category ?? null }
}

function describeList(list: Summary[]): string {
  const shown = list.slice(0, 8).map((summary) => `${summary.category} (${summary.productCount})`)
  return `${shown.join(', ')}${list.length > 8 ? `, … ${list.length - 8} more` : ''}`
}

/** What the view answers, compared with what it should answer; undefined when they agree. */
export async function viewProblem(view: View, alphabetical: Summary[], after: string): Promise<string | undefined> {
  const url = urlOf(view)
  const response = await service.get<Summary[] | CategoryPage>(url)
  expectStatus(response, 200, `reading ${url} after ${after}`)
  if (view.kind === 'page') {
    const expected = expectedPage(alphabetical, view.category)
    return json(response.body) === json(expected) ? undefined : `GET ${url} after ${after} answered ${json(response.body)}, expected ${json(expected)}`
  }
  check(Array.isArray(response.body), `GET ${url} answered ${response.text.slice(0, 200)}, expected a list.`)
  const expected = view.kind === 'tiles' ? mostProductsFirst(alphabetical) : alphabetical
  const listed = response.body.map(({ category, productCount }) => ({ category, productCount }))
  if (json(listed) === json(expected)) return undefined
  const order = view.kind === 'tiles' ? 'most products first' : 'A to Z'
  return `GET ${url} after ${after} listed ${describeList(listed)}; expected ${order}: ${describeList(expected)}`
}

/** The products as stored, to show that reading the categories changed nothing. */
export async function storedProblem(products: Created[]): Promise<string | undefined> {
  const rows = await database.query<Created>('SELECT sku, name, category, active FROM products WHERE sku = ANY($1)', [products.map((product) => product.sku)])
  const wrong = products.filter((product) => {
    const row = rows.find((candidate) => candidate.sku === product.sku)
    return !row || row.category !== product.category || row.active !== product.active || row.name !== product.name
  })
  return wrong.length === 0 ? undefined : `the database no longer holds ${wrong.length} of the products as created, e.g. ${json(wrong[0])}`
}

export interface Visit {
  /** Whether the menu was read once before (the categories are in memory) or not (just after an edit, or a deploy). */
  warm: boolean
  views: View[]
}

/** Reads the views one after the other, each visit after an edit, and checks every answer. */
export async function browse(products: Created[], alphabetical: Summary[], visits: Visit[]): Promise<string[]> {
  const problems: string[] = []
  for (const { warm, views } of visits) {
    const edit = await editSomething(products)
    const sequence = warm ? [MENU, ...views] : views
    let after = edit
    for (const view of sequence) {
      const problem = await viewProblem(view, alphabetical, after)
      if (problem) problems.push(problem)
      after = `${after}, GET ${urlOf(view)}`
    }
  }
  const stored = await storedProblem(products)
  if (stored) problems.push(stored)
  return problems
}
