import { execFile } from 'node:child_process'
import { tmpdir } from 'node:os'

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
