import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import lockfile from 'proper-lockfile'
import { DrillError } from '../errors.js'
import { drillDir } from '../workspace/drill-dir.js'
import { emptyState, STATE_FORMAT, StateSchema, type State } from './state-schema.js'

/** A progress file that cannot be used as it is. It is never overwritten or emptied. */
export class StateFileError extends DrillError {}

/** Where progress lives: `.drill/progress.json` in the checkout, or `DRILL_STATE_FILE`. */
export function statePath(repoRoot: string): string {
  return process.env.DRILL_STATE_FILE || drillDir(repoRoot, 'progress.json')
}

export interface StateSource {
  path: string
  /** How messages name the file: "Your progress file" or "The file to import". */
  name: string
  /** What the user can do next, appended to every message. */
  advice: string
}

function progressFile(path: string): StateSource {
  return {
    path,
    name: 'Your progress file',
    advice: `The file was left exactly as it is. To start with fresh progress, move it aside (\`mv ${path} ${path}.bak\`); to bring progress back later, use \`drill import <file>\`.`
  }
}

/** Parses progress from text, with a message that says what to do when it cannot. */
export function parseState(text: string, source: StateSource): State {
  const { path, name, advice: keep } = source
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new StateFileError(`${name} ${path} is not valid JSON (${(error as Error).message}), so drill cannot read it. ${keep}`)
  }
  const format = typeof raw === 'object' && raw !== null && 'format' in raw ? (raw as { format: unknown }).format : undefined
  if (typeof format === 'number' && format > STATE_FORMAT) {
    throw new StateFileError(
      `${name} ${path} was written by a newer drill (format ${format}; this one reads format ${STATE_FORMAT}). Update this checkout (\`git pull && npm ci\`) and run the command again. ${keep}`
    )
  }
  if (format !== STATE_FORMAT) {
    throw new StateFileError(
      `${name} ${path} is in an older or unknown format (${format === undefined ? 'no format number' : `format ${JSON.stringify(format)}`}; this drill reads format ${STATE_FORMAT}) and cannot be converted. ${keep}`
    )
  }
  const parsed = StateSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`)
    throw new StateFileError(`${name} ${path} is damaged (${problems.join('; ')}), so drill cannot read it. ${keep}`)
  }
  return parsed.data
}

export async function readState(path: string): Promise<State> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState()
    throw new StateFileError(`Your progress file ${path} cannot be read (${(error as Error).message}). Check its permissions and run the command again.`)
  }
  return parseState(text, progressFile(path))
}

/** Writes through a temporary file and a rename, so a crash never leaves half a file. */
async function writeState(path: string, state: State): Promise<void> {
  const temporary = join(dirname(path), `.${process.pid}-progress.json.tmp`)
  await writeFile(temporary, `${JSON.stringify(state, null, 2)}\n`)
  await rename(temporary, path)
}

/**
 * Reads, changes and writes progress under a lock, so `drill watch` recording a check and
 * `drill hint` in another terminal cannot lose each other's update.
 */
export async function updateState<T>(path: string, change: (state: State) => T): Promise<T> {
  await mkdir(dirname(path), { recursive: true })
  let release: () => Promise<void>
  try {
    release = await lockfile.lock(path, { realpath: false, retries: { retries: 50, minTimeout: 20, maxTimeout: 200 }, stale: 10_000 })
  } catch (error) {
    throw new StateFileError(`Another drill command has held the lock on ${path} for too long (${(error as Error).message}). Wait for it to finish, or remove ${path}.lock if no drill command is running.`)
  }
  try {
    const state = await readState(path)
    const result = change(state)
    await writeState(path, state)
    return result
  } finally {
    await release()
  }
}
