import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { createProduct, type Product } from './catalog.js'

scenarioTest('Changing the stock to another positive number is stored', async () => {
  const product = await createProduct()
  const stock = random.int(1, 900)
  const patched = await service.patch<Product>(`/products/${product.sku}`, { stock })
  expectStatus(patched, 200, 'changing the stock')
  expectEqual(patched.body.stock, stock, 'The stock in the PATCH answer')
  const rows = await database.query<{ stock: number }>('SELECT stock FROM products WHERE sku = $1', [product.sku])
  expectEqual(rows[0]?.stock, stock, 'The stored stock')
})

scenarioTest('A PATCH leaves the fields it does not mention unchanged', async () => {
  const product = await createProduct()
  const name = `${random.word()} ${random.word()} ${random.int(1, 99)}`
  const patched = await service.patch<Product>(`/products/${product.sku}`, { name })
  expectStatus(patched, 200, 'renaming the product')
  const { sku, description, category, priceCents, stock, active } = product
  expectEqual(
    { sku: patched.body.sku, description: patched.body.description, category: patched.body.category, priceCents: patched.body.priceCents, stock: patched.body.stock, active: patched.body.active },
    { sku, description, category, priceCents, stock, active },
    'The fields a rename must not touch'
  )
  expectEqual(patched.body.name, name, 'The new name')
})

scenarioTest('Products created with no stock are listed, but not as in stock', async () => {
  const empty = await createProduct({ stock: 0 })
  const category = empty.category
  const stocked = await createProduct({ category })
  const all = await service.get<{ products: Product[] }>(`/products?category=${category}`)
  const inStock = await service.get<{ products: Product[] }>(`/products?category=${category}&inStock=true`)
  expectEqual(all.body.products.map((p) => p.sku).sort(), [empty.sku, stocked.sku].sort(), `The products listed in ${category}`)
  expectEqual(inStock.body.products.map((p) => p.sku), [stocked.sku], `The in-stock products listed in ${category}`)
})

scenarioTest('An unknown SKU answers 404', async () => {
  expectStatus(await service.patch(`/products/NOPE-${random.int(100_000, 999_999)}`, { stock: 1 }), 404, 'no such product')
})

scenarioTest('Categories count only active products', async () => {
  const first = await createProduct()
  await createProduct({ category: first.category })
  const categories = await service.get<{ category: string; productCount: number }[]>('/categories')
  expectStatus(categories, 200, 'listing categories')
  const entry = categories.body.find((c) => c.category === first.category)
  check(entry !== undefined, `GET /categories does not list ${first.category}.`)
  expectEqual(entry.productCount, 2, `The product count of ${first.category}`)
})
