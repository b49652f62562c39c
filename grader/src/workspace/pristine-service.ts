import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { relative } from 'node:path'
import { prismaGenerate } from '@debug-drills/prisma-offline'
import { DrillError } from '../errors.js'
import { applyRepositoryPatch } from './build-dir.js'
import { cachedFolder } from './cached-folder.js'
import { drillDir } from './drill-dir.js'
import { extractTree } from './git-archive.js'
import { git } from './git.js'

/**
 * The service as committed at `base`, with a drill's `bugPatch` planted in its source and its
 * Prisma client generated, cached per git tree and bug: migrations, schema and configuration
 * always come from here, never from the working copy.
 */
export async function pristineService(repoRoot: string, base: string, service: string, bugPatch?: string): Promise<string> {
  let tree: string
  try {
    tree = (await git(repoRoot, ['rev-parse', `${base}:services/${service}`])).trim()
  } catch {
    throw new DrillError(`The service "${service}" is not in the repository's history at ${base.slice(0, 12)}; pull the latest main and try again.`)
  }
  const bug = bugPatch ? await readFile(bugPatch) : undefined
  const bugKey = bug ? `-bug-${createHash('sha256').update(bug).digest('hex').slice(0, 12)}` : ''
  const dir = drillDir(repoRoot, 'cache', 'pristine', `${service}-${tree.slice(0, 16)}${bugKey}`)
  return cachedFolder(dir, async (staging) => {
    await extractTree(repoRoot, base, `services/${service}`, staging)
    if (bugPatch) {
      const outside = await applyRepositoryPatch(repoRoot, service, staging, bugPatch)
      if (outside.length) throw new DrillError(`${relative(repoRoot, bugPatch)} changes files outside services/${service}/src (${outside.join(', ')}); a bug patch plants the bug in the service's source only.`)
    }
    const generated = await prismaGenerate({ cwd: staging })
    if (generated.exitCode !== 0) {
      throw new DrillError(`Could not generate the Prisma client of the pristine ${service} service:\n${generated.output.trim()}`)
    }
  })
}
