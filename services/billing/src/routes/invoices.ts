import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { toInvoiceResponse } from '../mappers/invoice-mapper.js'
import { CustomerParamsSchema, PageQuerySchema } from '../schemas/common.js'
import { ErrorSchema } from '../schemas/errors.js'
import {
  InvoiceListQuerySchema,
  InvoicePageSchema,
  InvoiceParamsSchema,
  InvoiceSchema,
  IssueInvoiceSchema,
  PayInvoiceSchema,
  VoidInvoiceSchema
} from '../schemas/invoices.js'

const invoiceRoutes: FastifyPluginAsyncTypebox = async (fastify) => {
  const invoices = fastify.invoiceService

  fastify.post(
    '/customers/:customerId/invoices',
    { schema: { params: CustomerParamsSchema, body: IssueInvoiceSchema, response: { 201: InvoiceSchema, 400: ErrorSchema, 409: ErrorSchema } } },
    async (request, reply) => {
      const invoice = await invoices.issue(request.params.customerId, request.body.period, request.apiClient ?? null)
      request.log.info({ invoiceId: invoice.id, customerId: invoice.customerId, period: invoice.period, totalCents: invoice.totalCents }, 'invoice issued')
      return reply.code(201).send(toInvoiceResponse(invoice))
    }
  )

  fastify.get(
    '/customers/:customerId/invoices',
    { schema: { params: CustomerParamsSchema, querystring: PageQuerySchema, response: { 200: InvoicePageSchema, 400: ErrorSchema } } },
    async (request) => {
      const { items, nextCursor } = await invoices.listForCustomer(request.params.customerId, request.query)
      return { items: items.map((invoice) => toInvoiceResponse(invoice)), nextCursor }
    }
  )

  fastify.get(
    '/customers/:customerId/invoices/:period',
    { schema: { params: InvoiceParamsSchema, response: { 200: InvoiceSchema, 404: ErrorSchema } } },
    async (request) => toInvoiceResponse(await invoices.get(request.params.customerId, request.params.period))
  )

  fastify.post(
    '/customers/:customerId/invoices/:period/pay',
    { schema: { params: InvoiceParamsSchema, body: PayInvoiceSchema, response: { 200: InvoiceSchema, 404: ErrorSchema, 409: ErrorSchema } } },
    async (request) => {
      const { reference, paidAt } = request.body
      const invoice = await invoices.pay(request.params.customerId, request.params.period, { reference, paidAt: paidAt === undefined ? undefined : new Date(paidAt) })
      request.log.info({ invoiceId: invoice.id, paymentReference: reference }, 'invoice paid')
      return toInvoiceResponse(invoice)
    }
  )

  fastify.post(
    '/customers/:customerId/invoices/:period/void',
    { schema: { params: InvoiceParamsSchema, body: VoidInvoiceSchema, response: { 200: InvoiceSchema, 404: ErrorSchema, 409: ErrorSchema } } },
    async (request) => {
      const invoice = await invoices.void(request.params.customerId, request.params.period, request.body.reason)
      request.log.info({ invoiceId: invoice.id }, 'invoice voided')
      return toInvoiceResponse(invoice)
    }
  )

  fastify.get(
    '/invoices',
    { schema: { querystring: InvoiceListQuerySchema, response: { 200: InvoicePageSchema, 400: ErrorSchema } } },
    async (request) => {
      const { items, nextCursor } = await invoices.list(request.query)
      return { items: items.map((invoice) => toInvoiceResponse(invoice)), nextCursor }
    }
  )
}

export default invoiceRoutes
