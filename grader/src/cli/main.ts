import { cac } from 'cac'
import { CancelledError, DrillError } from '../errors.js'
import { findRepoRoot } from '../workspace/find-repo-root.js'
import type { CommandContext } from './command-context.js'
import { createTerminal } from './terminal.js'

const terminal = createTerminal()
const controller = new AbortController()
let exitCode = 0

function onSignal() {
  if (controller.signal.aborted) process.exit(130) // a second Ctrl-C: exit handlers still remove what runs
  terminal.error('\nStopping: shutting down what this run started…')
  controller.abort()
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)

function context(): CommandContext {
  return { repoRoot: findRepoRoot(), terminal, signal: controller.signal }
}

/** The one place where errors become messages and exit codes. */
async function run(command: (ctx: CommandContext) => Promise<number>): Promise<void> {
  try {
    exitCode = await command(context())
  } catch (error) {
    if (error instanceof CancelledError || controller.signal.aborted) {
      terminal.error('Cancelled; everything this run started has been stopped.')
      exitCode = 130
    } else if (error instanceof DrillError) {
      terminal.error(`${terminal.colors.red('drill:')} ${error.message}`)
      exitCode = error.exitCode
    } else {
      terminal.error(
        `${terminal.colors.red('drill: this is a bug in drill, not in your code.')} Please report it with the output below.\n${(error as Error)?.stack ?? String(error)}`
      )
      exitCode = 70
    }
  }
}

// Commands load on demand: `drill list` should not pay for Docker and esbuild.
const cli = cac('drill')

cli
  .command('list', 'List the scenarios: id, title, bug class, difficulty')
  .option('--json', 'Print JSON')
  .action((options) => run(async (ctx) => (await import('./commands/list.js')).list(options, ctx)))

cli
  .command('check [scenario]', "Grade your working copy of a scenario's service with its hidden tests")
  .option('--runtime <runtime>', 'docker, embedded or auto (docker when a daemon answers)', { default: 'auto' })
  .option('--json <file>', 'Also write machine-readable results (results.json v3) to <file>')
  .option('--seed <seed>', "Seed for the hidden tests' random data (printed in every report)")
  .option('--timeout <seconds>', 'Wall-clock limit for the whole check', { default: 180 })
  .example('drill check accounts-duplicate-signup --runtime embedded')
  .action((scenario, options) => run(async (ctx) => (await import('./commands/check.js')).check(scenario, options, ctx)))

cli
  .command('validate [...scenarios]', 'Prove scenarios: hidden tests fail on the shipped bug and pass with the reference fix')
  .option('--all', 'Validate every scenario')
  .option('--repeat <n>', 'Run each scenario n times with fresh random data', { default: 1 })
  .option('--runtime <runtime>', 'docker, embedded or auto', { default: 'auto' })
  .action((scenarios, options) => run(async (ctx) => (await import('./commands/validate.js')).validate(scenarios, options, ctx)))

cli
  .command('bundle [service]', 'Bundle a service (your working copy) for docker/compose.yaml')
  .action((service) => run(async (ctx) => (await import('./commands/bundle.js')).bundle(service, ctx)))

cli.help()
cli.version('0.1.0')

try {
  cli.parse(process.argv, { run: false })
  if (!cli.matchedCommand) {
    if (cli.args.length) {
      terminal.error(`drill: unknown command "${cli.args[0]}". Run \`drill --help\` for the commands.`)
      exitCode = 2
    } else if (!cli.options.help && !cli.options.version) {
      cli.outputHelp()
    }
  } else {
    await cli.runMatchedCommand()
  }
} catch (error) {
  terminal.error(`drill: ${(error as Error).message}. Run \`drill --help\` for usage.`)
  exitCode = 2
}
process.exitCode = exitCode
