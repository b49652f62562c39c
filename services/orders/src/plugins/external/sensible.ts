import sensible from '@fastify/sensible'

/** HTTP error helpers (`fastify.httpErrors`, `reply.notFound()`) and `reply.vary`/`cacheControl`. */
export default sensible
