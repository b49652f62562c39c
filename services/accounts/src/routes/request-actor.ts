import type { FastifyRequest } from 'fastify'

/**
 * Who is acting, for the audit fields: the API client whose key authenticated the request. Every
 * route here sits behind `apiKeyAuth`, so a request without one never reaches a handler.
 */
export function requestActor(request: FastifyRequest): string {
  if (!request.apiClient) throw new Error('requestActor() called on a route without API key authentication')
  return request.apiClient
}
