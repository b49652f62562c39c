import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeProduct {
  sku: string
  name: string
  priceCents: number
  stock: number
  active?: boolean
}

export interface CatalogRequest {
  method: string
  path: string
  authorization: string | undefined
}

/** Overrides the answer to the nth request (0-based): a status without a product, or a delay before the usual answer. */
export type CatalogFault = (index: number) => { status?: number; delayMs?: number } | undefined

/**
 * A real HTTP server standing in for the catalog service: `GET /products/:sku` answers the
 * product as catalog does, 404 for an unknown SKU, 401 without `Bearer <apiKey>`. It records
 * every request. Stop it when done.
 */
export async function startFakeCatalog({ apiKey = 'orders-at-catalog', fault = () => undefined }: { apiKey?: string; fault?: CatalogFault } = {}) {
  const products = new Map<string, FakeProduct>()
  const requests: CatalogRequest[] = []
  const server = createServer((request, response) => {
    const index = requests.length
    requests.push({ method: request.method ?? '', path: request.url ?? '', authorization: request.headers.authorization })
    const { status, delayMs = 0 } = fault(index) ?? {}
    const answer = (code: number, body: unknown) => {
      setTimeout(() => {
        if (response.destroyed) return
        response.writeHead(code, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      }, delayMs)
    }
    if (status) return answer(status, { message: 'fault' })
    if (request.headers.authorization !== `Bearer ${apiKey}`) return answer(401, { message: 'Missing or invalid API key' })
    const match = /^\/products\/([^/?]+)$/.exec(request.url ?? '')
    if (request.method !== 'GET' || !match) return answer(404, { message: 'Route not found' })
    const product = products.get(decodeURIComponent(match[1]!))
    if (!product) return answer(404, { message: 'Product not found' })
    const now = new Date().toISOString()
    return answer(200, {
      sku: product.sku,
      name: product.name,
      description: '',
      category: 'home-decor',
      priceCents: product.priceCents,
      stock: product.stock,
      availability: product.stock > 0 ? 'in_stock' : 'sold_out',
      active: product.active ?? true,
      createdAt: now,
      updatedAt: now,
      updatedBy: 'backoffice'
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    apiKey,
    requests,
    add(...added: FakeProduct[]) {
      for (const product of added) products.set(product.sku, product)
    },
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export type FakeCatalog = Awaited<ReturnType<typeof startFakeCatalog>>
