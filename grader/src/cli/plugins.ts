import { UsageError } from '../errors.js'
import type { CommandContext } from './command-context.js'

/**
 * A command the grader declares (its name, options and help live in main.ts, where cac and
 * `drill --help` see them) and a plugin package runs.
 */
export interface PluginCommand<Options> {
  run(options: Options, context: CommandContext): Promise<number>
}

/** `drill serve`'s options, as main.ts declares them. */
export interface ServeOptions {
  port?: string | number
  host?: string
  databaseUrl?: string
  dataDir?: string
  databasePort?: string | number
  workers?: string | number
  runtime?: string
  submissionsPerMinute?: string | number
  gradeTimeout?: string | number
}

/** `drill worker`'s options, as main.ts declares them. */
export interface WorkerOptions {
  databaseUrl?: string
  concurrency?: string | number
  runtime?: string
  name?: string
}

/** What `@debug-drills/workshop` exports as `commands`: the actions of `drill serve` and `drill worker`. */
export interface WorkshopCommands {
  serve: PluginCommand<ServeOptions>
  worker: PluginCommand<WorkerOptions>
}

/**
 * The workshop package, loaded when one of its commands runs. Its name is held in a variable so
 * that TypeScript does not resolve it: the workshop depends on the grader, not the other way
 * round, and the grader builds and type-checks without it.
 */
export const WORKSHOP_PACKAGE = '@debug-drills/workshop'

export async function loadWorkshopCommands(command: keyof WorkshopCommands, packageName: string = WORKSHOP_PACKAGE): Promise<WorkshopCommands> {
  let loaded: { commands?: WorkshopCommands }
  try {
    loaded = (await import(packageName)) as { commands?: WorkshopCommands }
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(packageName.split('/').pop() ?? packageName)
    if (!missing) throw error
    throw new UsageError(
      `\`drill ${command}\` is part of the workshop server, the package ${packageName} (the \`workshop/\` folder of this repository), which is not installed or not built here: run \`npm install\` and then \`npx turbo run build --filter=${packageName}\` (or \`npm run build\`) from the repository root, and run \`drill ${command}\` again.`
    )
  }
  if (!loaded.commands?.[command]) throw new UsageError(`${packageName} was loaded but has no \`${command}\` command: it is from another version of drill. Run \`npm install\` and \`npm run build\` from the repository root.`)
  return loaded.commands
}
