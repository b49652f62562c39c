import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { UsageError } from '../errors.js'

const run = promisify(execFile)

export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 })
    return stdout
  } catch (error) {
    const { stderr, code } = error as { stderr?: string; code?: string | number }
    if (code === 'ENOENT') throw new UsageError('git is not installed: the grader needs it to compare your working copy with the pristine services.')
    throw new Error(`git ${args.join(' ')} failed: ${stderr?.trim() || (error as Error).message}`)
  }
}
