import fp from 'fastify-plugin'
import { createCatalogClient } from '../../clients/catalog-client.js'
import type { CatalogConfig } from '../../config.js'
import { createCheckoutService, type CheckoutService } from '../../services/checkout-service.js'

declare module 'fastify' {
  interface FastifyInstance {
    checkoutService: CheckoutService
  }
}

export interface CheckoutOptions {
  /** Absent when CATALOG_URL is unset: checkout answers 503. */
  catalog?: CatalogConfig
}

/** Checkout against the catalog service. */
export default fp<CheckoutOptions>(
  async (fastify, { catalog }) => {
    const log = fastify.log.child({ module: 'checkout' })
    const client = catalog ? createCatalogClient({ ...catalog, log }) : undefined
    fastify.decorate('checkoutService', createCheckoutService({ catalog: client, orderService: fastify.orderService, log }))
  },
  { name: 'checkout', dependencies: ['order-services'] }
)
