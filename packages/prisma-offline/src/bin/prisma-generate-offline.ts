#!/usr/bin/env node
// `prisma generate` without Prisma's schema engine. Prisma's CLI downloads the engine before
// any command, but generate itself only uses the WebAssembly engines in the npm package, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it run offline.
// Only generate gets this treatment: migrate and db commands need the real engine.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const require = createRequire(`${process.cwd()}/package.json`)
const prismaCli = require.resolve('prisma/build/index.js')
const env = { ...process.env }
env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url)
env.PRISMA_HIDE_UPDATE_MESSAGE = '1'

const result = spawnSync(process.execPath, [prismaCli, 'generate', '--no-hints', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env
})
process.exitCode = result.status ?? 1
