import closeWithGrace from 'close-with-grace'
import type { FastifyInstance } from 'fastify'

/** Listens, and closes the app (and with it the database pool) cleanly on SIGINT, SIGTERM or a crash. */
export async function serve(app: FastifyInstance, { host, port }: { host: string; port: number }): Promise<void> {
  closeWithGrace({ delay: 5_000 }, async ({ err, signal }) => {
    if (err) app.log.error({ err }, 'shutting down after an error')
    else app.log.info({ signal }, 'shutting down')
    await app.close()
  })
  try {
    await app.listen({ host, port })
  } catch (err) {
    app.log.fatal({ err }, 'could not start')
    process.exit(1)
  }
}
