import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { UsageError } from '../../errors.js'
import { EXIT_CODES } from '../../grading/grade-report.js'
import { grade, type GradeStep } from '../../grading/grade.js'
import { formatReport } from '../../report/format-report.js'
import { toResultsJson } from '../../report/results-json.js'
import { parseRuntimeChoice, selectRuntime } from '../../runtime/select-runtime.js'
import { findScenario } from '../../scenarios/load-scenarios.js'
import type { CommandContext } from '../command-context.js'

export interface CheckOptions {
  runtime?: string
  json?: string
  seed?: number
  timeout?: number
}

const STEP_TEXT: Record<GradeStep, string> = {
  prepare: 'Reading your working copy',
  build: 'Compiling the service',
  database: 'Starting PostgreSQL and applying migrations',
  service: 'Starting the service',
  tests: 'Running the hidden tests'
}

export function parseSeed(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const seed = Number(value)
  if (!Number.isInteger(seed) || seed < 1 || seed >= 2 ** 31) throw new UsageError(`--seed must be a whole number from 1 to ${2 ** 31 - 1}, not "${value}".`)
  return seed
}

export function parseTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const seconds = Number(value)
  if (!Number.isFinite(seconds) || seconds < 5) throw new UsageError(`--timeout is in seconds and must be at least 5, not "${value}".`)
  return seconds * 1000
}

export async function check(scenarioId: string | undefined, options: CheckOptions, { repoRoot, terminal, signal }: CommandContext): Promise<number> {
  if (!scenarioId) throw new UsageError('Name the scenario to check, e.g. `drill check accounts-duplicate-signup`; `drill list` shows them all.')
  const scenario = await findScenario(repoRoot, scenarioId)
  const seed = parseSeed(options.seed)
  const timeoutMs = parseTimeout(options.timeout)
  const runtime = await selectRuntime(parseRuntimeChoice(options.runtime ?? 'auto'), (line) => terminal.line(terminal.colors.dim(line)))
  const c = terminal.colors
  terminal.line(`${c.bold(`drill check ${scenario.id}`)} ${c.dim(`· ${scenario.service} service · ${runtime.name} runtime`)}`)
  const environment = Object.entries(scenario.environment).map(([name, value]) => `${name}=${value}`)
  terminal.line(c.dim(`Production environment: ${environment.join(' ') || '(none beyond DATABASE_URL, HOST, PORT)'}`))
  let endStep: ((outcome?: 'ok' | 'fail') => void) | undefined
  const report = await grade({
    repoRoot,
    scenario,
    runtime,
    signal,
    ...(seed ? { seed } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
    onStep: (step) => {
      endStep?.()
      endStep = terminal.progress(STEP_TEXT[step])
    }
  }).finally(() => endStep?.())
  terminal.line()
  for (const line of formatReport(report, c)) terminal.line(line)
  if (options.json) {
    const path = resolve(options.json)
    await writeFile(path, `${JSON.stringify(toResultsJson(report), null, 2)}\n`)
    terminal.line(c.dim(`  Results written to ${path}`))
  }
  return EXIT_CODES[report.verdict]
}
