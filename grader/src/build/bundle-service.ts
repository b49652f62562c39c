import { join } from 'node:path'
import { build, type Message } from 'esbuild'

export type BundleResult = { ok: true; entry: string; dir: string } | { ok: false; errors: string[] }

// ESM output still meets CommonJS dependencies that call require() for Node built-ins.
const REQUIRE_SHIM = "import { createRequire as __drillCreateRequire } from 'node:module'; const require = __drillCreateRequire(import.meta.url);"

/**
 * Bundles the service (`src/server.ts`) and every dependency into one ES module, so the
 * same file runs on the host and in a bare Node container. Source maps point stack
 * traces at `sourceRoot`: the trainee's own files.
 */
export async function bundleService(buildDir: string, sourceRoot: string): Promise<BundleResult> {
  const dir = join(buildDir, 'dist')
  try {
    await build({
      absWorkingDir: buildDir,
      entryPoints: ['src/server.ts'],
      outfile: join(dir, 'server.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      sourcesContent: false,
      sourceRoot: `${sourceRoot}/`,
      banner: { js: REQUIRE_SHIM },
      logLevel: 'silent'
    })
    return { ok: true, entry: 'server.mjs', dir }
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors
    if (!errors) throw error
    return { ok: false, errors: errors.map(formatMessage) }
  }
}

function formatMessage(message: Message): string {
  const where = message.location ? `${message.location.file}:${message.location.line}:${message.location.column + 1}: ` : ''
  return `${where}${message.text}`
}
