import { posix, relative } from 'node:path'
import { gitApply, isGradedSource, parseNumstat } from '@debug-drills/grader'
import { formatKilobytes, MAX_DIFF_BYTES, MAX_REQUEST_BYTES, tooLargeAdvice } from '@debug-drills/workshop-contract'

export { formatKilobytes, MAX_DIFF_BYTES, MAX_REQUEST_BYTES, tooLargeAdvice }

/** A submission the server will not queue, with the reason in words a trainee can act on. */
export class SubmissionRejected extends Error {
  constructor(
    message: string,
    readonly statusCode = 422
  ) {
    super(message)
    this.name = 'SubmissionRejected'
  }
}

function firstLines(text: string, count = 3): string {
  return text.trim().split('\n').slice(0, count).join(' ')
}

/**
 * Checks a submitted diff before it is queued: size, no binary content, only the service's own
 * source (as the local grader counts it), and that it applies to the server's pristine copy.
 * Git parses the diff, so what is checked is what `git apply` would touch.
 */
export async function checkSubmissionDiff(options: { repoRoot: string; service: string; pristineDir: string; diff: string }): Promise<{ files: string[]; diff: string }> {
  const { diff, service } = options
  const bytes = Buffer.byteLength(diff)
  if (bytes > MAX_DIFF_BYTES) {
    throw new SubmissionRejected(
      `The submission is too large: its diff is ${formatKilobytes(bytes)}, and submissions are limited to ${formatKilobytes(MAX_DIFF_BYTES)}. ${tooLargeAdvice(service)}`,
      413
    )
  }
  if (diff.trim() === '') {
    throw new SubmissionRejected(`The diff is empty: services/${service} has no changes against its shipped version. Save your fix and submit again.`)
  }
  // A symlink (mode 120000) or a submodule (160000) could point the build at files outside the service.
  const mode = /^(?:new file mode|new mode|old mode|deleted file mode|index [0-9a-f]+\.\.[0-9a-f]+) (\d{6})$/m
  const special = diff.split('\n').map((line) => mode.exec(line)?.[1]).find((value) => value && !['100644', '100755'].includes(value))
  if (special) {
    throw new SubmissionRejected(`The diff makes a symbolic link or another special file (mode ${special}). Only regular text files in services/${service}/src are graded: replace it with a plain file and submit again.`)
  }
  if (diff.includes('\0') || /^GIT binary patch$/m.test(diff) || /^Binary files .* differ$/m.test(diff)) {
    throw new SubmissionRejected(`The diff contains binary content. Only text changes to services/${service}/src are graded: remove the binary file and submit again.`)
  }
  const numstat = await gitApply(['--numstat', '-z', '-'], diff)
  if (!numstat.ok) {
    throw new SubmissionRejected(`This is not a diff git can read (${firstLines(numstat.stderr)}). Submit with \`drill submit\`, which makes the diff for you.`)
  }
  const files: string[] = []
  for (const entry of parseNumstat(numstat.stdout)) {
    if (entry.binary) {
      throw new SubmissionRejected(`The diff changes a binary file${entry.paths[0] ? ` (${entry.paths[0]})` : ''}. Only text changes to services/${service}/src are graded.`)
    }
    files.push(...entry.paths)
  }
  if (files.length === 0) {
    throw new SubmissionRejected(`The diff changes no files. Save your fix in services/${service}/src and submit again.`)
  }
  const outside = files.filter((file) => posix.normalize(file) !== file || file.split('/').includes('..') || !isGradedSource(file))
  if (outside.length > 0) {
    throw new SubmissionRejected(
      `The diff touches files outside the service's source: ${outside.join(', ')}. Only services/${service}/src is graded (tests, generated code, schema, migrations and configuration stay as shipped); paths are relative to services/${service}. Undo those changes (\`git restore services/${service}/<path>\`) and submit again.`
    )
  }
  const checkArgs = ['--check', '--whitespace=nowarn', `--directory=${relative(options.repoRoot, options.pristineDir)}`, '-']
  const check = await gitApply(checkArgs, diff, options.repoRoot)
  // A diff with Windows line ends (CRLF: a Windows checkout, an editor or a copy that converted
  // it) does not match the server's files, whose lines end in LF. When the same diff with plain
  // line ends applies exactly, that is what the trainee meant: it is checked and graded so.
  if (!check.ok && diff.includes('\r\n')) {
    const plain = diff.replaceAll('\r\n', '\n')
    if ((await gitApply(checkArgs, plain, options.repoRoot)).ok) return { files, diff: plain }
  }
  if (!check.ok) {
    throw new SubmissionRejected(
      `The diff does not apply to the server's copy of services/${service} (${firstLines(check.stderr)}). Your checkout may be on another commit than the server's: run \`git pull\`, carry your fix over, and submit again.`,
      409
    )
  }
  return { files, diff }
}
