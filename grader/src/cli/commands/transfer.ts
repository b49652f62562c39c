import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../../errors.js'
import { mergeStates } from '../../progress/progress.js'
import { parseState, readState, statePath, updateState } from '../../progress/state-file.js'
import type { CommandContext } from '../command-context.js'

/** Writes all progress to a file, or to stdout without one. */
export async function exportProgress(file: string | undefined, { repoRoot, terminal }: CommandContext): Promise<number> {
  const state = await readState(statePath(repoRoot))
  const text = `${JSON.stringify(state, null, 2)}\n`
  if (!file) {
    process.stdout.write(text)
    return 0
  }
  const target = resolve(file)
  await writeFile(target, text, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw new UsageError(`${target} already exists; export does not overwrite files. Choose another name or remove it first.`)
    throw new UsageError(`Could not write ${target}: ${error.message}.`)
  })
  const attempts = Object.values(state.scenarios).reduce((sum, scenario) => sum + scenario.attempts.length, 0)
  terminal.line(`Exported ${attempts} attempt${attempts === 1 ? '' : 's'} to ${target}. On the other machine: ${terminal.colors.cyan(`drill import ${file}`)}`)
  return 0
}

export interface ImportOptions {
  replace?: boolean
}

/** Adds exported progress to this machine's (or replaces it with `--replace`). */
export async function importProgress(file: string | undefined, options: ImportOptions, { repoRoot, terminal }: CommandContext): Promise<number> {
  if (!file) throw new UsageError('Name the file to import, e.g. `drill import progress.json` (written by `drill export progress.json`).')
  const source = resolve(file)
  const text = await readFile(source, 'utf8').catch((error: Error) => {
    throw new UsageError(`Could not read ${source}: ${error.message}. Nothing was imported.`)
  })
  const incoming = parseState(text, { path: source, name: 'The file to import', advice: 'Nothing was imported; your progress is unchanged.' })
  const added = await updateState(statePath(repoRoot), (state) => {
    if (!options.replace) return mergeStates(state, incoming).added
    for (const key of Object.keys(state.scenarios)) delete state.scenarios[key]
    delete state.active
    mergeStates(state, incoming)
    return Object.values(incoming.scenarios).reduce((sum, scenario) => sum + scenario.attempts.length, 0)
  })
  terminal.line(
    options.replace
      ? `Replaced your progress with the ${added} attempt${added === 1 ? '' : 's'} in ${source}.`
      : `Imported ${added} new attempt${added === 1 ? '' : 's'} from ${source}${added ? '' : ' (everything in it was already here)'}. \`drill status\` shows the result.`
  )
  return 0
}
