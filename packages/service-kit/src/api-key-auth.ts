import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'

export interface ApiKeyAuthOptions {
  /** `client:key` pairs separated by commas, as in the `API_KEYS` variable. */
  apiKeys: string
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The name of the API client whose key authenticated the request. */
    apiClient?: string
  }
  interface FastifyContextConfig {
    /** Served without an API key (health checks). */
    public?: boolean
  }
}

interface ApiClient {
  name: string
  digest: Buffer
}

const digest = (key: string) => createHash('sha256').update(key).digest()

/** Reads `client:key,client:key`; a key without a name is named after its position. */
export function parseApiKeys(value: string): ApiClient[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const separator = entry.indexOf(':')
      return separator > 0 ? { name: entry.slice(0, separator), digest: digest(entry.slice(separator + 1)) } : { name: `client-${index + 1}`, digest: digest(entry) }
    })
}

function bearerToken(request: FastifyRequest): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ')
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined
}

/**
 * Every route needs `Authorization: Bearer <key>` of a configured client, except routes whose
 * config says `public: true`. Keys are compared as SHA-256 digests in constant time.
 */
export const apiKeyAuth = fp<ApiKeyAuthOptions>(
  async (fastify, { apiKeys }) => {
    const clients = parseApiKeys(apiKeys)
    if (!clients.length) throw new Error('API_KEYS names no client: set it to client:key pairs separated by commas.')
    fastify.decorateRequest('apiClient', undefined)
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.config.public) return
      const token = bearerToken(request)
      const client = token && clients.find((candidate) => timingSafeEqual(candidate.digest, digest(token)))
      if (!client) {
        return reply
          .code(401)
          .header('www-authenticate', 'Bearer')
          .send({ message: token ? 'The API key is not valid.' : 'Send an API key: Authorization: Bearer <key>.' })
      }
      request.apiClient = client.name
      request.log = request.log.child({ client: client.name })
    })
  },
  { name: 'api-key-auth' }
)
