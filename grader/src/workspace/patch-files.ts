import { execFile } from 'node:child_process'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** One file's part of a patch: its path (two for a rename or copy) and its text. */
export interface PatchSection {
  paths: string[]
  text: string
}

export class UnreadablePatchError extends Error {
  override name = 'UnreadablePatchError'
}

export function gitApply(args: string[], input: string, cwd = tmpdir()): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = execFile('git', ['apply', ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && (error as NodeJS.ErrnoException).code === 'ENOENT') reject(new Error('git is not installed: the grader needs it to read patches.'))
      else resolve({ ok: !error, stdout, stderr })
    })
    child.stdin?.end(input)
  })
}

/** The numstat of `git apply --numstat -z`: each file's paths, and whether it is binary. */
export function parseNumstat(output: string): { paths: string[]; binary: boolean }[] {
  const entries: { paths: string[]; binary: boolean }[] = []
  const fields = output.split('\0')
  for (let index = 0; index < fields.length - 1; ) {
    const [added, deleted, path = ''] = (fields[index] ?? '').split('\t')
    const binary = added === '-' || deleted === '-'
    // A rename or copy lists its two paths in the next two fields.
    if (path === '') {
      entries.push({ paths: [fields[index + 1] ?? '', fields[index + 2] ?? ''], binary })
      index += 3
    } else {
      entries.push({ paths: [path], binary })
      index += 1
    }
  }
  return entries
}

/**
 * Splits a `git diff` into its files, with the paths as git itself reads them (quoting,
 * renames). Text before the first `diff --git` line (a note) is not part of any file.
 */
export async function patchSections(patch: string): Promise<PatchSection[]> {
  const starts = [...patch.matchAll(/^diff --git /gm)].map((match) => match.index)
  const texts = starts.map((start, index) => patch.slice(start, starts[index + 1] ?? patch.length))
  return Promise.all(
    texts.map(async (text) => {
      const numstat = await gitApply(['--numstat', '-z', '-'], text)
      const [entry] = parseNumstat(numstat.stdout)
      if (!numstat.ok || !entry) throw new UnreadablePatchError(numstat.stderr.trim().split('\n')[0] ?? 'git cannot read it')
      return { paths: entry.paths, text }
    })
  )
}

/** The note of a patch: its text before the first `diff --git` line. */
export function patchNote(patch: string): string {
  const start = patch.search(/^diff --git /m)
  return (start < 0 ? patch : patch.slice(0, start)).trim()
}

/**
 * A repository-root patch with paths relative to `folder` (such as `services/catalog`), the form
 * `drill submit` sends. Only files under `folder` are kept.
 */
export function relativePatch(patch: string, folder: string): string {
  const prefix = `${folder.replace(/\/$/, '')}/`
  const starts = [...patch.matchAll(/^diff --git /gm)].map((match) => match.index)
  return starts
    .map((start, index) => patch.slice(start, starts[index + 1] ?? patch.length))
    .filter((section) => section.startsWith(`diff --git a/${prefix}`))
    .map((section) =>
      section
        .replace(/^(diff --git a\/)(\S+) b\/(\S+)/m, (_line, head: string, from: string, to: string) => `${head}${from.slice(prefix.length)} b/${to.slice(prefix.length)}`)
        .replace(/^(--- a\/|\+\+\+ b\/|rename from |rename to )(.+)$/gm, (line, head: string, path: string) => (path.startsWith(prefix) ? `${head}${path.slice(prefix.length)}` : line))
    )
    .join('')
}

/**
 * Whether `patches` apply one after another to HEAD's files, in a scratch index that leaves the
 * checkout alone. Returns git's complaint about the first that does not, or nothing.
 */
export async function patchesApplyToHead(repoRoot: string, patches: string[]): Promise<string | undefined> {
  const index = join(tmpdir(), `drill-index-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`)
  const env = { ...process.env, GIT_INDEX_FILE: index }
  try {
    await run('git', ['read-tree', 'HEAD'], { cwd: repoRoot, env })
    for (const patch of patches) {
      const failed = await run('git', ['apply', '--cached', '--whitespace=nowarn', patch], { cwd: repoRoot, env }).then(
        () => undefined,
        (error: { stderr?: string }) => `${relative(repoRoot, patch)} does not apply: ${error.stderr?.trim().split('\n')[0] ?? 'git apply failed'}`
      )
      if (failed) return failed
    }
    return undefined
  } finally {
    await rm(index, { force: true })
  }
}
