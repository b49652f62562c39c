import closeWithGrace from 'close-with-grace'
import { buildApp } from './build-app.js'
import { loadConfig } from './config.js'

const config = loadConfig()
const app = buildApp(config)

closeWithGrace({ delay: 5_000 }, async ({ err, signal }) => {
  if (err) app.log.error({ err }, 'shutting down after an error')
  else app.log.info({ signal }, 'shutting down')
  await app.close()
})

try {
  await app.listen({ host: config.HOST, port: config.PORT })
} catch (err) {
  app.log.fatal({ err }, 'could not start')
  process.exit(1)
}
