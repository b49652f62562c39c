import { UsageError } from '../errors.js'
import { git } from './git.js'

/**
 * The commit whose services count as pristine: where the local branch left its upstream
 * (so a trainee's own commits still count as their changes), else HEAD; on a drill branch,
 * the commit the drill was planted on.
 */
export async function pristineBase(repoRoot: string): Promise<string> {
  try {
    await git(repoRoot, ['rev-parse', '--verify', '--quiet', 'HEAD'])
  } catch {
    throw new UsageError(
      `${repoRoot} is not a git checkout with commits. The grader compares your working copy with the repository's own copy of each service: clone the repository with git and run drill inside it.`
    )
  }
  try {
    return (await git(repoRoot, ['merge-base', 'HEAD', '@{upstream}'])).trim()
  } catch {
    const beforePlanting = (await git(repoRoot, ['log', '-1', '--format=%P', '--grep=^Drill-Scenario: ', 'HEAD']).catch(() => '')).trim().split(' ')[0]
    return beforePlanting || (await git(repoRoot, ['rev-parse', 'HEAD'])).trim()
  }
}
