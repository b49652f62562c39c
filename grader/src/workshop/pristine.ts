import { pristineService } from '../workspace/pristine-service.js'

const cache = new Map<string, Promise<string>>()

/** The server's pristine copy of a service at `base`, extracted once per server process. */
export function workspacePristineService(repoRoot: string, base: string, service: string): Promise<string> {
  const key = `${repoRoot}\n${base}\n${service}`
  let dir = cache.get(key)
  if (!dir) {
    dir = pristineService(repoRoot, base, service)
    dir.catch(() => cache.delete(key))
    cache.set(key, dir)
  }
  return dir
}
