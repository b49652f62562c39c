import { expectStatus, random, service } from '@debug-drills/drill-kit'

export interface Product {
  sku: string
  name: string
  description: string
  category: string
  priceCents: number
  stock: number
  active: boolean
}

/** A product with random, non-zero values, created through the API. */
export async function createProduct(overrides: Partial<Product> = {}): Promise<Product> {
  const fields = {
    sku: `DRILL-${random.int(100_000, 999_999)}-${random.int(10, 99)}`,
    name: `${random.word()} ${random.word()}`,
    description: `A ${random.word()} thing`,
    category: `cat-${random.word()}-${random.int(1000, 9999)}`,
    priceCents: random.int(100, 99_999),
    stock: random.int(1, 500),
    ...overrides
  }
  const response = await service.post<Product>('/products', fields)
  expectStatus(response, 201, `creating product ${fields.sku}`)
  return response.body
}
