import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { InvoiceWithLines } from '../plugins/billing-repository.js'
import {
  CustomerParamsSchema,
  InvoiceParamsSchema,
  InvoiceSchema,
  IssueInvoiceSchema,
  MeterListSchema,
  RecordUsageSchema,
  UsageSchema,
  type InvoiceResponse
} from '../schemas/billing.js'
import { ErrorSchema } from '../schemas/errors.js'

function toResponse(invoice: InvoiceWithLines): InvoiceResponse {
  return {
    id: invoice.id,
    customerId: invoice.customerId,
    period: invoice.period,
    totalCents: invoice.totalCents,
    issuedAt: invoice.issuedAt.toISOString(),
    lines: invoice.lines.map(({ meterCode, quantity, unitPriceCents, amountCents }) => ({ meter: meterCode, quantity, unitPriceCents, amountCents }))
  }
}

const billingRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const billing = fastify.billingRepository

  fastify.get('/meters', { schema: { response: { 200: MeterListSchema } } }, async () => billing.meters())

  fastify.post(
    '/usage',
    { schema: { body: RecordUsageSchema, response: { 201: UsageSchema, 400: ErrorSchema, 422: ErrorSchema } } },
    async (request, reply) => {
      const event = await billing.recordUsage({ ...request.body, occurredAt: new Date(request.body.occurredAt) })
      return reply.code(201).send({
        id: event.id,
        customerId: event.customerId,
        meter: event.meterCode,
        quantity: event.quantity,
        occurredAt: event.occurredAt.toISOString()
      })
    }
  )

  fastify.post(
    '/customers/:customerId/invoices',
    { schema: { params: CustomerParamsSchema, body: IssueInvoiceSchema, response: { 201: InvoiceSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      const invoice = await billing.issueInvoice(request.params.customerId, request.body.period)
      request.log.info({ invoiceId: invoice.id, period: invoice.period, totalCents: invoice.totalCents }, 'invoice issued')
      return reply.code(201).send(toResponse(invoice))
    }
  )

  fastify.get(
    '/customers/:customerId/invoices/:period',
    { schema: { params: InvoiceParamsSchema, response: { 200: InvoiceSchema, 404: ErrorSchema } } },
    async (request) => toResponse(await billing.findInvoice(request.params.customerId, request.params.period))
  )
}

export default billingRoutes
