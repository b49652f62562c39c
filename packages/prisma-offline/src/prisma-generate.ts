import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface PrismaGenerateResult {
  exitCode: number
  output: string
}

/**
 * `prisma generate` without Prisma's schema engine. The CLI downloads the engine before any
 * command, but generate itself only uses the WebAssembly engines in the npm package, so
 * pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it run offline. Only
 * generate gets this: migrate and db commands need the real engine.
 */
export function prismaGenerate(options: { cwd: string; args?: string[]; echo?: boolean }): Promise<PrismaGenerateResult> {
  const require = createRequire(join(options.cwd, 'package.json'))
  const prismaCli = require.resolve('prisma/build/index.js')
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' }
  env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, 'generate', '--no-hints', ...(options.args ?? [])], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    const collect = (chunk: Buffer) => {
      output += chunk.toString()
      if (options.echo) process.stdout.write(chunk)
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    child.on('error', reject)
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }))
  })
}
