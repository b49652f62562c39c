import { access, readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** The services a drill can be written for: the folders of `services/` with a package.json. */
export async function listServices(repoRoot: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, 'services'), { withFileTypes: true }).catch(() => [])
  const services = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map(async (entry) => ((await exists(join(repoRoot, 'services', entry.name, 'package.json'))) ? entry.name : undefined))
  )
  return services.filter((name): name is string => name !== undefined).sort()
}

/** Whether a file or folder is there. */
export async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false
  )
}
