import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError } from './domain-error.js'

/** Client errors keep their message; anything else is logged in full and answered with a bare 500. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    return reply.code(error.statusCode).send({ message: error.message })
  }
  if (error.validation) {
    return reply.code(400).send({ message: error.message })
  }
  const statusCode = error.statusCode ?? 500
  if (statusCode >= 500) {
    request.log.error({ err: error }, 'request failed')
    return reply.code(statusCode).send({ message: 'Internal Server Error' })
  }
  return reply.code(statusCode).send({ message: error.message })
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.code(404).send({ message: `Route ${request.method} ${request.url} not found` })
}
