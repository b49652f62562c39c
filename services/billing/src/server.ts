import { serve } from '@debug-drills/service-kit'
import { buildApp } from './build-app.js'
import { loadConfig } from './config.js'

const config = loadConfig()
await serve(buildApp(config), { host: config.HOST, port: config.PORT })
