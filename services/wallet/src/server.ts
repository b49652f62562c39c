import { buildServer, serve } from '@debug-drills/service-kit'
import app from './app.js'
import { loadConfig } from './config.js'

const config = loadConfig()
await serve(buildServer(app, { config }, { logLevel: config.LOG_LEVEL }), { host: config.HOST, port: config.PORT })
