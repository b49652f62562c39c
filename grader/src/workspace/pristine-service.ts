import { prismaGenerate } from '@debug-drills/prisma-offline'
import { DrillError } from '../errors.js'
import { cachedFolder } from './cached-folder.js'
import { drillDir } from './drill-dir.js'
import { extractTree } from './git-archive.js'
import { git } from './git.js'

/**
 * The service as committed at `base`, with its Prisma client generated, cached per git tree:
 * migrations, schema and configuration always come from here, never from the working copy.
 */
export async function pristineService(repoRoot: string, base: string, service: string): Promise<string> {
  let tree: string
  try {
    tree = (await git(repoRoot, ['rev-parse', `${base}:services/${service}`])).trim()
  } catch {
    throw new DrillError(`The service "${service}" is not in the repository's history at ${base.slice(0, 12)}; pull the latest main and try again.`)
  }
  const dir = drillDir(repoRoot, 'cache', 'pristine', `${service}-${tree.slice(0, 16)}`)
  return cachedFolder(dir, async (staging) => {
    await extractTree(repoRoot, base, `services/${service}`, staging)
    const generated = await prismaGenerate({ cwd: staging })
    if (generated.exitCode !== 0) {
      throw new DrillError(`Could not generate the Prisma client of the pristine ${service} service:\n${generated.output.trim()}`)
    }
  })
}
