import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'
import { DrillError, UsageError } from '../errors.js'
import type { Scenario } from '../scenarios/scenario.js'
import { drillDir } from './drill-dir.js'
import { git } from './git.js'

const run = promisify(execFile)

/** The line in a planting commit's message that names its scenario. */
const TRAILER = 'Drill-Scenario'

/** Commits drill makes carry this identity, so planting needs none of the trainee's. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 'Debug Drills',
  GIT_AUTHOR_EMAIL: 'drills@debug-drills.invalid',
  GIT_COMMITTER_NAME: 'Debug Drills',
  GIT_COMMITTER_EMAIL: 'drills@debug-drills.invalid'
}

/** A drill planted in this checkout: the commit that plants its bug, on top of `base`. */
export interface PlantedDrill {
  scenario: string
  /** The commit that planted the bug: the trainee's edits are what differs from it. */
  commit: string
  /** Its parent: where the scenario, the shared packages and the correct service come from. */
  base: string
}

/** Where the trainee was before `drill start`, so `drill exit` can go back exactly there. */
export interface DrillBranch {
  scenario: string
  service: string
  branch: string
  commit: string
  returnTo: { branch?: string; commit: string }
  /** Uncommitted edits of the service from before the drill, as a patch to re-apply on the way back. */
  backup?: string
}

export function drillBranchName(scenarioId: string): string {
  return `drill/${scenarioId}`
}

function statePath(repoRoot: string): string {
  return drillDir(repoRoot, 'drill-branch.json')
}

export async function readDrillBranch(repoRoot: string): Promise<DrillBranch | undefined> {
  try {
    return JSON.parse(await readFile(statePath(repoRoot), 'utf8')) as DrillBranch
  } catch {
    return undefined
  }
}

async function writeDrillBranch(repoRoot: string, branch: DrillBranch | undefined): Promise<void> {
  if (!branch) return rm(statePath(repoRoot), { force: true })
  await mkdir(drillDir(repoRoot), { recursive: true })
  await writeFile(statePath(repoRoot), `${JSON.stringify(branch, null, 2)}\n`)
}

/** The commit in HEAD's history that planted `scenarioId`, if the drill was started here. */
export async function findPlantedDrill(repoRoot: string, scenarioId: string): Promise<PlantedDrill | undefined> {
  const line = (await git(repoRoot, ['log', '-1', '--format=%H %P', `--grep=^${TRAILER}: ${scenarioId}$`, 'HEAD']).catch(() => '')).trim()
  const [commit, base] = line.split(' ')
  return commit && base ? { scenario: scenarioId, commit, base } : undefined
}

/** A commit on top of HEAD whose tree is HEAD's with the scenario's bug applied, built in a scratch index. */
async function plantingCommit(repoRoot: string, scenario: Scenario & { bugPatchPath: string }): Promise<string> {
  const index = drillDir(repoRoot, `.plant-index-${process.pid}-${Date.now().toString(36)}`)
  await mkdir(drillDir(repoRoot), { recursive: true })
  const env = { ...process.env, ...IDENTITY, GIT_INDEX_FILE: index }
  try {
    await run('git', ['read-tree', 'HEAD'], { cwd: repoRoot, env })
    await run('git', ['apply', '--cached', '--whitespace=nowarn', scenario.bugPatchPath], { cwd: repoRoot, env }).catch((error: { stderr?: string }) => {
      throw new UsageError(
        `The bug of ${scenario.id} cannot be planted on your current commit: ${error.stderr?.trim().split('\n')[0] ?? 'git apply failed'}. Your commits have changed services/${scenario.service}/src; switch to an up-to-date main (\`git switch main && git pull\`) and start the drill again.`
      )
    })
    const tree = (await run('git', ['write-tree'], { cwd: repoRoot, env })).stdout.trim()
    const message = `Drill: ${scenario.title}\n\n${TRAILER}: ${scenario.id}\n`
    return (await run('git', ['commit-tree', tree, '-p', 'HEAD', '-m', message], { cwd: repoRoot, env })).stdout.trim()
  } finally {
    await rm(index, { force: true })
  }
}

async function currentPlace(repoRoot: string): Promise<DrillBranch['returnTo']> {
  const commit = (await git(repoRoot, ['rev-parse', 'HEAD'])).trim()
  const branch = (await git(repoRoot, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim()
  return branch ? { branch, commit } : { commit }
}

async function refuseUnfinishedGitOperation(repoRoot: string): Promise<void> {
  const gitDir = (await git(repoRoot, ['rev-parse', '--absolute-git-dir'])).trim()
  for (const marker of ['MERGE_HEAD', 'rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD']) {
    const found = await readFile(join(gitDir, marker)).then(
      () => true,
      (error: NodeJS.ErrnoException) => error.code === 'EISDIR'
    )
    if (found) throw new UsageError(`A git ${marker.startsWith('rebase') ? 'rebase' : 'merge or cherry-pick'} is in progress in this checkout. Finish or abort it first, then start the drill again.`)
  }
}

/**
 * Plants the scenario's bug in a local branch of its own, `drill/<id>`, one commit on top of
 * HEAD, and switches to it. Uncommitted edits outside the service come along as `git switch`
 * carries them; the service must have none (the caller backs them up and discards them first,
 * and passes the patch as `backup`). The trainee's own branches are not touched.
 */
export async function plantDrill(repoRoot: string, scenario: Scenario & { bugPatchPath: string }, backup: string | undefined): Promise<DrillBranch> {
  await refuseUnfinishedGitOperation(repoRoot)
  const returnTo = await currentPlace(repoRoot)
  const commit = await plantingCommit(repoRoot, scenario)
  const branch = drillBranchName(scenario.id)
  await git(repoRoot, ['branch', '--force', '--no-track', branch, commit]).catch(() => {
    throw new DrillError(`Could not create the branch ${branch}. Is it checked out in another worktree?`)
  })
  await git(repoRoot, ['switch', '--quiet', branch]).catch((error: Error) => {
    throw new UsageError(`Could not switch to ${branch}: ${error.message}. Commit or stash the edits git names, then start the drill again.`)
  })
  const planted: DrillBranch = { scenario: scenario.id, service: scenario.service, branch, commit, returnTo, ...(backup ? { backup } : {}) }
  await writeDrillBranch(repoRoot, planted)
  return planted
}

export interface LeftDrill {
  /** The trainee's work on the drill, saved as a patch (relative to the repository) before leaving. */
  saved?: string
  /** Where the checkout is back to. */
  returnedTo: string
  /** Whether the edits of the service from before the drill were re-applied. */
  restoredBackup: boolean
}

/**
 * Leaves the drill branch: the work on the drill is saved as a patch, the checkout goes back to
 * the branch (or commit) it was on, the drill branch is deleted, and the service's uncommitted
 * edits from before the drill are applied again.
 */
export async function leaveDrill(repoRoot: string, planted: DrillBranch, saveWork: (base: string) => Promise<string | undefined>): Promise<LeftDrill> {
  const current = (await git(repoRoot, ['symbolic-ref', '--quiet', '--short', 'HEAD']).catch(() => '')).trim()
  let saved: string | undefined
  if (current === planted.branch) {
    saved = await saveWork(planted.commit)
    await git(repoRoot, ['restore', `--source=${planted.commit}`, '--staged', '--worktree', '--', `services/${planted.service}`])
    await git(repoRoot, ['clean', '-fdq', '--', `services/${planted.service}`])
    const target = planted.returnTo.branch ? ['switch', '--quiet', planted.returnTo.branch] : ['switch', '--quiet', '--detach', planted.returnTo.commit]
    await git(repoRoot, target).catch((error: Error) => {
      throw new UsageError(`Could not switch back to ${planted.returnTo.branch ?? planted.returnTo.commit.slice(0, 12)}: ${error.message}. Commit or stash the edits git names, then run the command again.`)
    })
  }
  if (current !== planted.branch) {
    // The trainee switched away by hand: leave the working tree alone.
    await git(repoRoot, ['branch', '-D', planted.branch]).catch(() => undefined)
    await writeDrillBranch(repoRoot, undefined)
    return { returnedTo: current || 'a detached HEAD', restoredBackup: false }
  }
  await git(repoRoot, ['branch', '-D', planted.branch]).catch(() => undefined)
  let restoredBackup = false
  if (planted.backup) {
    restoredBackup = await git(repoRoot, ['apply', '--whitespace=nowarn', join(repoRoot, planted.backup)]).then(
      () => true,
      () => false
    )
  }
  await writeDrillBranch(repoRoot, undefined)
  return { ...(saved ? { saved: relative(repoRoot, join(repoRoot, saved)) } : {}), returnedTo: planted.returnTo.branch ?? planted.returnTo.commit.slice(0, 12), restoredBackup }
}
