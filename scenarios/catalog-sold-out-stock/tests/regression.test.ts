import { check, database, expectEqual, expectStatus, scenarioTest, service } from '@debug-drills/drill-kit'
import { createProduct, type Product } from './catalog.js'

scenarioTest('Setting the stock to 0 marks the product sold out', async () => {
  const product = await createProduct()
  const patched = await service.patch<Product>(`/products/${product.sku}`, { stock: 0 })
  expectStatus(patched, 200, 'marking the product sold out')
  expectEqual(patched.body.stock, 0, `The stock in the PATCH answer (it was ${product.stock} before)`)
  const rows = await database.query<{ stock: number }>('SELECT stock FROM products WHERE sku = $1', [product.sku])
  expectEqual(rows[0]?.stock, 0, `The stock stored in the database for ${product.sku}`)
})

scenarioTest('A sold-out product is no longer listed as in stock', async () => {
  const product = await createProduct()
  expectStatus(await service.patch(`/products/${product.sku}`, { stock: 0 }), 200, 'marking the product sold out')
  const listed = await service.get<{ products: Product[] }>(`/products?category=${product.category}&inStock=true`)
  expectStatus(listed, 200, 'listing the in-stock products of its category')
  check(
    !listed.body.products.some((p) => p.sku === product.sku),
    `GET /products?category=${product.category}&inStock=true still lists ${product.sku} after its stock was set to 0.`
  )
})

scenarioTest('Setting active to false hides the product from the storefront', async () => {
  const product = await createProduct()
  const patched = await service.patch<Product>(`/products/${product.sku}`, { active: false })
  expectStatus(patched, 200, 'hiding the product')
  expectEqual(patched.body.active, false, 'The active flag in the PATCH answer')
  const listed = await service.get<{ products: Product[] }>(`/products?category=${product.category}`)
  check(!listed.body.products.some((p) => p.sku === product.sku), `GET /products?category=${product.category} still lists the hidden product ${product.sku}.`)
})

scenarioTest('A product can be made free (price 0) and its description cleared', async () => {
  const product = await createProduct()
  const patched = await service.patch<Product>(`/products/${product.sku}`, { priceCents: 0, description: '' })
  expectStatus(patched, 200, 'making the product a free sample')
  expectEqual(patched.body.priceCents, 0, 'The price in the PATCH answer')
  expectEqual(patched.body.description, '', 'The description in the PATCH answer')
  const rows = await database.query<{ price_cents: number; description: string }>('SELECT price_cents, description FROM products WHERE sku = $1', [product.sku])
  expectEqual(rows[0], { price_cents: 0, description: '' }, 'The stored price and description')
})
