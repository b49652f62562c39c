import type { FastifyRequest } from 'fastify'

/**
 * The API client a change is recorded against (products' updated_by, stock movements, price
 * history). Every route that changes data sits behind the API key check, which sets it.
 */
export function actorOf(request: FastifyRequest): string {
  if (!request.apiClient) throw new Error(`${request.method} ${request.url} reached a handler without an authenticated API client`)
  return request.apiClient
}
