import { cac, type Command } from 'cac'
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
// Output piped into `head` and the like: stop writing quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCode)
  throw error
})
process.on('SIGTERM', onSignal)
// The terminal closed: stop what runs, as on Ctrl-C.
process.on('SIGHUP', onSignal)

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

/**
 * A `--no-<name>` flag whose help does not claim "(default: true)": cac gives negated flags
 * that default, and prints it. Without it the option is simply absent unless the flag is given.
 */
function negatedFlag(command: Command, rawName: `--no-${string}`, description: string): Command {
  command.option(rawName, description)
  const option = command.options.at(-1)
  if (option) option.config.default = undefined
  return command
}

// Commands load on demand: `drill list` should not pay for Docker and esbuild. `serve` and
// `worker` are declared here (so `drill --help` lists them) and run by the workshop package,
// loaded through plugins.ts.
const cli = cac('drill')

cli
  .command('list', 'List the drills (id, title, difficulty), or one track in order')
  .option('--track <id>', 'Only the drills of this track, in its order')
  .option('--tracks', 'List the tracks: onboarding week, async and state, production incidents...')
  .option('--json', 'Print JSON')
  .example('drill list --track onboarding-week')
  .action((options) => run(async (ctx) => (await import('./commands/list.js')).list(options, ctx)))

cli
  .command('start [scenario]', "Start a drill: restore its service's shipped bug, start the clock, print the ticket")
  .option('--yes', 'Discard edits to the service without asking (a patch of them is saved first)')
  .option('--json', 'Print JSON')
  .example('drill start catalog-sold-out-stock')
  .action((scenario, options) => run(async (ctx) => (await import('./commands/start.js')).start(scenario, options, ctx)))

cli
  .command('exit', 'Leave the drill branch: back to your branch and your uncommitted work as they were before drill start')
  .option('--json', 'Print JSON')
  .action((options) => run(async (ctx) => (await import('./commands/exit.js')).exit(options, ctx)))

negatedFlag(
  cli
    .command('run [target]', 'Run a service (active drill, scenario or service name) with its database for debugging; reloads on save')
    .option('--inspect [port]', 'Open a debugger port for VS Code or Chrome DevTools (default 9229)')
    .option('--port <port>', "The service's port (default: the one in its .env.example)")
    .option('--db-port <port>', "The database's port on 127.0.0.1 (default: a free one)")
    .option('--docker', 'Run it with docker compose instead of embedded PostgreSQL')
    .option('--prod', "Run it with the production settings of the drill's deployment instead of the laptop settings of .env.example")
    .option('--sql', 'Show every SQL statement as it runs'),
  '--no-seed',
  'Leave the database empty instead of loading the seed data'
)
  .example('drill run --inspect')
  .example('drill run catalog --port 3010 --db-port 5433')
  .action((target, options) => run(async (ctx) => (await import('./commands/run.js')).run(target, options, ctx)))

cli
  .command('stop [service]', 'Stop what `drill run` serves and what `drill watch` keeps warm in this checkout: one service (or scenario), or all')
  .example('drill stop catalog')
  .action((service) => run(async (ctx) => (await import('./commands/stop.js')).stop(service, ctx)))

cli
  .command('repro [target]', "Replay the ticket's requests against the running service, shown like curl -v")
  .option('--url <url>', 'Where the service answers, if not started with `drill run`')
  .option('--api-key <key>', 'The API key to send (default: the one `drill run` gave the service, else the first in .env.example)')
  .option('--json', 'Print the exchanges as JSON')
  .action((target, options) => run(async (ctx) => (await import('./commands/repro.js')).repro(target, options, ctx)))

cli
  .command('hint', 'Show the next hint of the active drill (each costs points; some open after a few minutes)')
  .option('--json', 'Print JSON')
  .action((options) => run(async (ctx) => (await import('./commands/hint.js')).hint(options, ctx)))

cli
  .command('join <url> <code>', 'Join a workshop: keeps your trainee token for `drill submit` and `drill hint`')
  .option('--name <name>', 'Your name on the board')
  .option('--team <team>', 'Your team, in a team workshop')
  .example('drill join http://10.0.0.5:4000 K7QM2P --name ada --team blue')
  .action((url, code, options) => run(async (ctx) => (await import('./commands/join.js')).join(url, code, options, ctx)))

cli
  .command('leave', 'Leave the workshop: forget its token here; hints and checks are local again')
  .action(() => run(async (ctx) => (await import('./commands/join.js')).leave(ctx)))

cli
  .command('submit [scenario]', "Send your fix to the workshop server, which grades it with hidden tests and scores it (default: the active drill)")
  .option('--json', 'Print the verdict as JSON')
  .option('--follow <id>', 'Wait for the verdict of a submission sent earlier (its id is printed when it is sent)')
  .example('drill submit catalog-sold-out-stock')
  .example('drill submit --follow 3f2c…')
  .action((scenario, options) => run(async (ctx) => (await import('./commands/submit.js')).submit(scenario, options, ctx)))

cli
  .command('serve', 'Run a workshop server: facilitator page, scoreboard, trainee API, grading queue')
  .option('--port <port>', 'HTTP port', { default: 4000 })
  .option('--host <host>', 'Address to listen on; 0.0.0.0 for the whole network', { default: '127.0.0.1' })
  .option('--database-url <url>', 'Use this PostgreSQL (also DRILL_DATABASE_URL); default: an embedded one under .drill/serve')
  .option('--data-dir <dir>', 'Where the embedded PostgreSQL keeps its data')
  .option('--database-port <port>', 'Fixed port for the embedded PostgreSQL')
  .option('--workers <count>', 'Gradings at once on this machine; 0 leaves grading to `drill worker`', { default: 1 })
  .option('--runtime <runtime>', 'Grading runtime: docker (isolated, the default) or embedded', { default: 'docker' })
  .option('--submissions-per-minute <count>', 'Rate limit per trainee', { default: 6 })
  .option('--grade-timeout <seconds>', 'Limit for one grading; a job whose worker went silent returns to the queue soon after', { default: 180 })
  .example('drill serve --host 0.0.0.0 --workers 2')
  .action((options) => run(async (ctx) => (await (await import('./plugins.js')).loadWorkshopCommands('serve')).serve.run(options, ctx)))

cli
  .command('worker', "Grade a workshop's submissions on this machine, from the server's queue")
  .option('--database-url <url>', 'The workshop database `drill serve` printed (also DRILL_DATABASE_URL)')
  .option('--concurrency <count>', 'Gradings at once', { default: 1 })
  .option('--runtime <runtime>', 'docker (the default) or embedded', { default: 'docker' })
  .option('--name <name>', 'How this worker is named in the results (default: host:pid)')
  .example("drill worker --database-url 'postgresql://drill:secret@10.0.0.5:5432/drill' --concurrency 2")
  .action((options) => run(async (ctx) => (await (await import('./plugins.js')).loadWorkshopCommands('worker')).worker.run(options, ctx)))

cli
  .command('check [scenario]', "Grade your working copy with the scenario's hidden tests (default: the active drill)")
  .option('--runtime <runtime>', 'docker, embedded or auto (docker when a daemon answers)', { default: 'auto' })
  .option('--json <file>', 'Also write machine-readable results (results.json v3) to <file>')
  .option('--seed <seed>', "Seed for the hidden tests' random data (printed in every report)")
  .option('--timeout <seconds>', 'Wall-clock limit for the whole check', { default: 180 })
  .option('--shipped', 'Grade the drill as it ships (its bug planted in a temporary copy) instead of your working copy; not recorded')
  .example('drill check accounts-duplicate-signup --runtime embedded')
  .action((scenario, options) => run(async (ctx) => (await import('./commands/check.js')).check(scenario, options, ctx)))

cli
  .command('watch [scenario]', 'Check again on every save to the service, one check at a time, until it passes')
  .option('--runtime <runtime>', 'docker, embedded or auto', { default: 'auto' })
  .option('--timeout <seconds>', 'Wall-clock limit for each check', { default: 180 })
  .option('--idle <minutes>', 'Stop the database and tests kept warm for the next check after this many minutes without a save (0: keep them)', { default: 15 })
  .action((scenario, options) => run(async (ctx) => (await import('./commands/watch.js')).watch(scenario, options, ctx)))

cli
  .command('status', 'Your progress over all scenarios, grouped by bug class')
  .option('--json', 'Print JSON')
  .action((options) => run(async (ctx) => (await import('./commands/status.js')).status(options, ctx)))

cli
  .command('next', 'Suggest the next drill: the next of your track, or an unsolved one in your weakest kind of bug, easiest first')
  .option('--track <id>', 'Follow this track from now on (`all`: the whole catalogue again)')
  .option('--json', 'Print JSON')
  .example('drill next --track onboarding-week')
  .action((options) => run(async (ctx) => (await import('./commands/next.js')).next(options, ctx)))

cli
  .command('giveup', 'End the active drill unsolved and show the reference fix and the explanation')
  .option('--json', 'Print JSON')
  .action((options) => run(async (ctx) => (await import('./commands/giveup.js')).giveUp(options, ctx)))

cli
  .command('reset [scenario]', "Restore a scenario's shipped bug and forget its progress (default: the active drill)")
  .option('--all', 'Reset every scenario')
  .option('--yes', 'Do not ask before discarding edits and progress')
  .action((scenario, options) => run(async (ctx) => (await import('./commands/reset.js')).reset(scenario, options, ctx)))

cli
  .command('export [file]', 'Write your progress to a file (or to stdout), to move it to another machine')
  .action((file) => run(async (ctx) => (await import('./commands/transfer.js')).exportProgress(file, ctx)))

cli
  .command('import [file]', 'Add progress from a file written by `drill export`')
  .option('--replace', 'Replace your progress instead of adding to it')
  .action((file, options) => run(async (ctx) => (await import('./commands/transfer.js')).importProgress(file, options, ctx)))

cli
  .command('validate [...scenarios]', 'Prove scenarios: hidden tests fail on the shipped bug and pass with the reference fix')
  .option('--all', 'Validate every scenario')
  .option('--jobs <n>', 'Grade this many versions of a service at once (default 1)')
  .option('--skip-service-suite', "Skip running the service's own tests with the bug planted (CI runs them once)")
  .option('--repeat <n>', 'Run each scenario n times with fresh random data', { default: 1 })
  .option('--runtime <runtime>', 'docker, embedded or auto', { default: 'auto' })
  .option('--only <version>', 'Grade only this version (shipped, reference-fix, an alternative or hack by name, or all alternatives or hacks); repeatable')
  .option('--seed <seed>', "Seed for the hidden tests' random data, to replay a version that did not hold")
  .option('--warm', 'Grade every version on a warm start, as `drill watch` checks, to prove it gives the verdicts a cold check does')
  .example('drill validate accounts-export-fails-for-some-periods --only csv-field-takes-null --seed 326379509 --runtime docker')
  .action((scenarios, options) => run(async (ctx) => (await import('./commands/validate.js')).validate(scenarios, options, ctx)))

cli
  .command('new <kind> <name>', 'Scaffold a drill (`new scenario <id> --service <name>`) or a service (`new service <name>`) to write')
  .option('--service <name>', 'The service a new scenario is for')
  .option('--bug-class <class>', "A new scenario's bug class (off-by-one, null-handling, type-coercion, race-condition, stale-state, ...)")
  .option('--port <port>', "A new service's port (default: one after the other services' ports)")
  .example('drill new scenario catalog-negative-price --service catalog')
  .example('drill new service inventory')
  .action((kind, name, options) => run(async (ctx) => (await import('./commands/new.js')).scaffold(kind, name, options, ctx)))

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
