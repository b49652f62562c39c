import { join } from 'node:path'

/** The grader's own folder in the checkout (git-ignored): caches and per-run build folders. */
export function drillDir(repoRoot: string, ...parts: string[]): string {
  return join(repoRoot, '.drill', ...parts)
}
