import { pristineService, type Scenario } from '@debug-drills/grader'

const cache = new Map<string, Promise<string>>()

/** The server's pristine copy of a scenario's service at `base`, its bug planted, extracted once per server process. */
export function workspacePristineService(repoRoot: string, base: string, scenario: Scenario): Promise<string> {
  const key = `${repoRoot}\n${base}\n${scenario.id}`
  let dir = cache.get(key)
  if (!dir) {
    dir = pristineService(repoRoot, base, scenario.service, scenario.bugPatchPath)
    dir.catch(() => cache.delete(key))
    cache.set(key, dir)
  }
  return dir
}
