import { CheckFailed, database, dependency, dependencyDatabase, expectEqual, expectStatus, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

/** The catalog service orders asks for prices and stock, started beside it. */
export const catalog = dependency('catalog')
const catalogDatabase = dependencyDatabase('catalog')

/** Catalog shows "only a few left" at this many units or fewer (its README). */
export const FEW_LEFT = 5

export interface Product {
  sku: string
  name: string
  priceCents: number
  stock: number
  active: boolean
}

export interface Order {
  id: number
  customerId: string
  status: string
  totalCents: number
  lines: { sku: string; quantity: number; unitPriceCents: number }[]
}

export interface Item {
  sku: string
  quantity: number
}

const ID_CHARACTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** A customer id as the payment provider issues them, e.g. `cus_Qx3rT0bLm9Vz2K`. */
export function newCustomer(): string {
  return random.unique(() => `cus_${Array.from({ length: 14 }, () => random.pick([...ID_CHARACTERS])).join('')}`)
}

/** A product the back office creates in catalog, with this many units in stock. */
export async function newProduct(stock: number, priceCents = random.cents(99, 60_000)): Promise<Product> {
  const body = { sku: random.sku(), name: random.productName(), category: random.category(), priceCents, stock }
  const created = await catalog.post<Product>('/products', body)
  expectStatus(created, 201, `creating ${body.sku} in catalog with ${stock} in stock`)
  return created.body
}

/** Sells units of a product the way the shop floor does: a "sold" stock movement in catalog. */
export async function sellDown(product: Product, to: number): Promise<Product> {
  const moved = await catalog.post<{ product: Product }>(`/products/${product.sku}/stock-adjustments`, { quantity: to - product.stock, reason: 'sold', reference: `POS-${random.int(10_000, 99_999)}` })
  expectStatus(moved, 201, `selling ${product.sku} down from ${product.stock} to ${to} in catalog`)
  return moved.body.product
}

export async function update(product: Product, changes: Partial<Pick<Product, 'priceCents' | 'stock' | 'active'>>): Promise<Product> {
  const changed = await catalog.patch<Product>(`/products/${product.sku}`, changes)
  expectStatus(changed, 200, `changing ${product.sku} in catalog to ${JSON.stringify(changes)}`)
  return changed.body
}

export function describeCart(items: readonly Item[]): string {
  return items.map((item) => `${item.quantity} × ${item.sku}`).join(', ')
}

export async function checkout(customerId: string, items: readonly Item[], headers: Record<string, string> = {}): Promise<ServiceResponse<Order & { message?: string }>> {
  return service.post<Order & { message?: string }>('/checkouts', { customerId, items }, { headers })
}

/** Checks out the cart and expects an order at catalog's prices, answered and stored. */
export async function expectOrder(customerId: string, items: readonly Item[], products: readonly Product[], context: string): Promise<Order> {
  const answered = await checkout(customerId, items)
  const price = (sku: string) => products.find((product) => product.sku === sku)?.priceCents
  const where = `checking out ${describeCart(items)} (${context})`
  if (answered.status !== 201) {
    throw new CheckFailed(`POST /checkouts ${where} answered ${answered.status} ${JSON.stringify(answered.body?.message ?? answered.text)}; expected 201 with the order: catalog has ${products.map((product) => `${product.stock} of ${product.sku}`).join(', ')}.`)
  }
  const lines = items.map(({ sku, quantity }) => ({ sku, quantity, unitPriceCents: price(sku) }))
  const total = lines.reduce((sum, line) => sum + line.quantity * (line.unitPriceCents ?? 0), 0)
  expectEqual(answered.body.lines, lines, `The lines POST /checkouts answered when ${where}`)
  expectEqual(answered.body.totalCents, total, `The total POST /checkouts answered when ${where}`)
  const [order] = await database.query<{ customer_id: string; total_cents: number }>('SELECT customer_id, total_cents FROM orders WHERE id = $1', [answered.body.id])
  expectEqual(order, { customer_id: customerId, total_cents: total }, `The stored order ${answered.body.id} after ${where}`)
  const stored = await database.query('SELECT sku, quantity, unit_price_cents AS "unitPriceCents" FROM order_lines WHERE order_id = $1 ORDER BY id', [answered.body.id])
  expectEqual(stored, lines, `The stored lines of order ${answered.body.id} after ${where}`)
  return answered.body
}

/** Checks out the cart and expects it refused with `status` and `message`, and nothing stored for the customer. */
export async function expectRefused(customerId: string, items: readonly Item[], status: number, message: string, context: string): Promise<void> {
  const answered = await checkout(customerId, items)
  const where = `checking out ${describeCart(items)} (${context})`
  if (answered.status !== status || answered.body?.message !== message) {
    throw new CheckFailed(`POST /checkouts ${where} answered ${answered.status} ${JSON.stringify(answered.body?.message ?? answered.text)}; expected ${status} "${message}".`)
  }
  await expectNoOrders(customerId, where)
}

export async function expectNoOrders(customerId: string, after: string): Promise<void> {
  const [row] = await database.query<{ count: number }>('SELECT count(*)::int AS count FROM orders WHERE customer_id = $1', [customerId])
  expectEqual(row?.count, 0, `The number of orders stored for ${customerId} after ${after}`)
}

/** Checkout checks stock, it does not take it: catalog's stock is what it was. */
export async function expectStockUntouched(products: readonly Product[]): Promise<void> {
  const rows = await catalogDatabase.query<{ sku: string; stock: number }>('SELECT sku, stock FROM products WHERE sku = ANY($1) ORDER BY sku', [products.map((product) => product.sku)])
  const want = [...products].sort((a, b) => (a.sku < b.sku ? -1 : 1)).map(({ sku, stock }) => ({ sku, stock }))
  expectEqual(rows, want, 'The stock catalog stored after the checkouts')
}

/**
 * Splits `quantity` into two lines of at least one each (or one line for a single unit), each of
 * at most `most` units (`quantity` must not exceed twice `most`).
 */
export function split(sku: string, quantity: number, most = quantity - 1): Item[] {
  if (quantity < 2) return [{ sku, quantity }]
  const first = random.int(Math.max(1, quantity - most), Math.min(quantity - 1, most))
  return [
    { sku, quantity: first },
    { sku, quantity: quantity - first }
  ]
}

export const FEW = Array.from({ length: FEW_LEFT }, (_, index) => index + 1)
