import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { InfrastructureError } from '../errors.js'

/**
 * The service's own workspace packages (`@debug-drills/*`) must be built before it can
 * compile; a missing build is set-up, not the trainee's code.
 */
export async function checkWorkspacePackages(serviceDir: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(serviceDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  const require = createRequire(join(serviceDir, 'package.json'))
  const unbuilt = Object.keys(manifest.dependencies ?? {})
    .filter((name) => name.startsWith('@debug-drills/'))
    .filter((name) => {
      try {
        require.resolve(name)
        return false
      } catch {
        return true
      }
    })
  if (unbuilt.length) {
    throw new InfrastructureError(`The shared package${unbuilt.length > 1 ? 's' : ''} ${unbuilt.join(', ')} ${unbuilt.length > 1 ? 'are' : 'is'} not built. Run \`npm run build\` in the repository root, then check again.`)
  }
}
