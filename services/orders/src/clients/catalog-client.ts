import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyBaseLogger } from 'fastify'
import type { CatalogConfig } from '../config.js'
import { backoffDelay, type BackoffPolicy } from '../domain/backoff.js'
import { CatalogUnavailableError } from '../domain/checkout-errors.js'
import type { CatalogProduct } from '../domain/checkout.js'

/** A product as catalog answers `GET /products/:sku` (services/catalog, schemas/products.ts). */
export interface CatalogProductResponse {
  sku: string
  name: string
  description: string
  category: string
  priceCents: number
  stock: number
  availability: 'in_stock' | 'low_stock' | 'sold_out'
  active: boolean
}

/** Orders' view of catalog's product: only what checkout decides on. */
export function toCatalogProduct(product: CatalogProductResponse): CatalogProduct {
  return {
    sku: product.sku,
    name: product.name,
    unitPriceCents: product.priceCents,
    inStock: product.availability === 'sold_out' ? 0 : product.stock,
    active: product.active
  }
}

export interface CatalogClient {
  /** The product, or null when catalog has no such SKU. */
  product(sku: string, options?: { signal?: AbortSignal }): Promise<CatalogProduct | null>
}

export interface CatalogClientOptions extends CatalogConfig {
  log: FastifyBaseLogger
  /** Between attempts of one call. */
  backoff?: BackoffPolicy
}

const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504])

class AttemptFailed extends Error {
  constructor(
    message: string,
    readonly retryable: boolean
  ) {
    super(message)
  }
}

function networkReason(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined
  if (cause instanceof Error) return cause.message
  return error instanceof Error ? error.message : String(error)
}

/**
 * Reads products from the catalog service with the API key orders holds there. Each attempt is
 * bounded by `timeoutMs`; reads are safe to repeat, so timeouts, network errors, 429 and 5xx are
 * tried again with backoff, up to `maxAttempts` in all. Any other answer is final.
 */
export function createCatalogClient({ url, apiKey, timeoutMs, maxAttempts, log, backoff = { baseMs: 100, maxMs: 1_000 } }: CatalogClientOptions): CatalogClient {
  async function attempt(path: string, signal: AbortSignal | undefined): Promise<Response> {
    const timeout = AbortSignal.timeout(timeoutMs)
    try {
      return await fetch(new URL(path, url), {
        headers: { accept: 'application/json', authorization: `Bearer ${apiKey}`, 'user-agent': 'debug-drills-orders/catalog' },
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout
      })
    } catch (error) {
      if (signal?.aborted) throw error
      throw new AttemptFailed(timeout.aborted ? `no answer within ${timeoutMs} ms` : `unreachable: ${networkReason(error)}`, true)
    }
  }

  async function get(path: string, signal: AbortSignal | undefined): Promise<Response> {
    for (let attempts = 1; ; attempts++) {
      try {
        const response = await attempt(path, signal)
        if (!RETRYABLE_STATUSES.has(response.status)) return response
        await response.arrayBuffer().catch(() => undefined)
        throw new AttemptFailed(`answered ${response.status}`, true)
      } catch (error) {
        if (!(error instanceof AttemptFailed)) throw error
        if (attempts >= maxAttempts) throw new CatalogUnavailableError(`GET ${path} ${error.message}`)
        const waitMs = backoffDelay(attempts, backoff)
        log.debug({ path, attempt: attempts, waitMs, reason: error.message }, 'catalog request failed, retrying')
        await sleep(waitMs, undefined, { signal })
      }
    }
  }

  return {
    async product(sku, { signal } = {}) {
      const path = `/products/${encodeURIComponent(sku)}`
      const response = await get(path, signal)
      if (response.status === 404) {
        await response.arrayBuffer().catch(() => undefined)
        return null
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '')
        log.error({ path, status: response.status, body: text.slice(0, 500) }, 'catalog refused a product lookup')
        throw new CatalogUnavailableError(`GET ${path} answered ${response.status}`)
      }
      return toCatalogProduct((await response.json()) as CatalogProductResponse)
    }
  }
}
