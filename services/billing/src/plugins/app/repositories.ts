import fp from 'fastify-plugin'
import { createContractRepository, type ContractRepository } from '../../repositories/contract-repository.js'
import { transactionRunner, type TransactionRunner } from '../../repositories/database.js'
import { createInvoiceRepository, type InvoiceRepository } from '../../repositories/invoice-repository.js'
import { createMeterRepository, type MeterRepository } from '../../repositories/meter-repository.js'
import { createOutboxRepository, type OutboxRepository } from '../../repositories/outbox-repository.js'
import { createTaxRateRepository, type TaxRateRepository } from '../../repositories/tax-rate-repository.js'
import { createUsageRepository, type UsageRepository } from '../../repositories/usage-repository.js'

export interface Repositories {
  meters: MeterRepository
  usage: UsageRepository
  invoices: InvoiceRepository
  outbox: OutboxRepository
  taxRates: TaxRateRepository
  contracts: ContractRepository
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Repositories on the pool, for work that needs no transaction. */
    repositories: Repositories
    transaction: TransactionRunner
  }
}

export default fp(
  async (fastify) => {
    const { prisma } = fastify
    fastify.decorate('repositories', {
      meters: createMeterRepository(prisma),
      usage: createUsageRepository(prisma),
      invoices: createInvoiceRepository(prisma),
      outbox: createOutboxRepository(prisma),
      taxRates: createTaxRateRepository(prisma),
      contracts: createContractRepository(prisma)
    })
    fastify.decorate('transaction', transactionRunner(prisma))
  },
  { name: 'repositories', dependencies: ['prisma'] }
)
