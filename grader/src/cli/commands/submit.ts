import { readFile } from 'node:fs/promises'
import { UsageError } from '../../errors.js'
import { pristineBase } from '../../workspace/pristine-base.js'
import { findPlantedDrill } from '../../workspace/planted-drill.js'
import { serviceDiff } from '../../workspace/restore-service.js'
import { api, formatKilobytes, MAX_DIFF_BYTES, tooLargeAdvice, type SubmissionEvent, type SubmissionView } from '@debug-drills/workshop-contract'
import type { Scenario } from '../../scenarios/scenario.js'
import type { CommandContext } from '../command-context.js'
import { scenarioOrActive } from '../session.js'
import { serverSentEvents } from '../server-sent-events.js'
import { formatDuration, renderMarkdown } from '../text.js'
import { parseAnswer, requireJoinedWorkshop, workshopApi, WorkshopApiError, WorkshopVersionError, type JoinedWorkshop } from '../workshop-client.js'

/** What the client knows of a submission: its view, and while it streams, its place in the queue. */
type SubmissionProgress = SubmissionView | SubmissionEvent

const FINAL = new Set(['passed', 'failed', 'error'])
const EXIT = { passed: 0, failed: 1, error: 2 } as const

export interface SubmitOptions {
  json?: boolean
  /** Follow a submission sent earlier (its id) instead of sending a new one. */
  follow?: string
}

/** While the server cannot be reached, the client asks again, waiting longer each time, up to this long. */
const RECONNECT_WINDOW_MS = 10 * 60_000
const MAX_BACKOFF_MS = 15_000

/** `drill submit [scenario]`: sends the service's diff to the workshop server and waits for its verdict. */
export async function submit(scenarioId: string | undefined, options: SubmitOptions, ctx: CommandContext): Promise<number> {
  const joined = await requireJoinedWorkshop(ctx.repoRoot, 'submit')
  if (options.follow) {
    const earlier = await workshopApi(joined.url, `/api/submissions/${encodeURIComponent(options.follow)}`, api.submission.response[200], { token: joined.token, signal: ctx.signal })
    return report(await scenarioOrActive(ctx, earlier.scenario, 'submit', ''), joined, await followSubmission(joined, earlier, ctx, options.json ?? false), options, ctx)
  }
  const scenario = await scenarioOrActive(ctx, scenarioId, 'submit', ', or name the scenario: `drill submit <scenario>`')
  if (!joined.scenarios.includes(scenario.id)) {
    throw new UsageError(`"${scenario.id}" is not part of "${joined.title}". Its scenarios: ${joined.scenarios.join(', ')}.`)
  }
  const c = ctx.terminal.colors
  // Against the commit that planted the drill's bug, when it was planted here: the server applies the diff to its base with the same bug.
  const planted = scenario.bugPatchPath ? await findPlantedDrill(ctx.repoRoot, scenario.id) : undefined
  if (scenario.bugPatchPath && !planted) throw new UsageError(`${scenario.id} is not started in this checkout: \`drill start ${scenario.id}\` plants its bug, then fix it and submit.`)
  const diff = await serviceDiff(ctx.repoRoot, scenario.service, planted?.commit ?? (await pristineBase(ctx.repoRoot)), { relative: true }).catch((error: unknown) => {
    if ((error as { code?: string }).code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') throw error
    throw new UsageError(`The submission is too large: the changes to services/${scenario.service} make a diff of more than 64 MB, and the workshop server takes ${formatKilobytes(MAX_DIFF_BYTES)}. ${tooLargeAdvice(scenario.service)}`)
  })
  if (diff.trim() === '') throw new UsageError(`services/${scenario.service} has no changes yet: fix the bug, save, and submit again.`)
  refuseOversizedDiff(diff, scenario.service)
  const submission = await workshopApi(joined.url, api.submit.url, api.submit.response[202], {
    method: 'POST',
    token: joined.token,
    body: { scenario: scenario.id, diff },
    signal: ctx.signal
  })
  if (!options.json) ctx.terminal.line(`${c.bold(`drill submit ${scenario.id}`)} ${c.dim(`· ${joined.title} · received at ${formatDuration(submission.elapsedMs)} · submission ${submission.id}`)}`)
  return report(scenario, joined, await followSubmission(joined, submission, ctx, options.json ?? false), options, ctx)
}

/** The server refuses a diff over its limit: say so before sending it, with the files that make it large. */
function refuseOversizedDiff(diff: string, service: string): void {
  const bytes = Buffer.byteLength(diff)
  if (bytes <= MAX_DIFF_BYTES) return
  const files = diff
    .split(/^(?=diff --git )/m)
    .map((section) => ({ path: /^diff --git a\/(.+?) b\//.exec(section)?.[1], bytes: Buffer.byteLength(section) }))
    .filter((file): file is { path: string; bytes: number } => file.path !== undefined)
    .sort((a, b) => b.bytes - a.bytes)
  const largest = files.slice(0, 3).map((file) => `${file.path} (${formatKilobytes(file.bytes)})`)
  throw new UsageError(
    `The submission is too large: the diff of services/${service} is ${formatKilobytes(bytes)}, and the workshop server takes at most ${formatKilobytes(MAX_DIFF_BYTES)}. ${largest.length > 0 ? `The largest changes: ${largest.join(', ')}. ` : ''}${tooLargeAdvice(service)}`
  )
}

async function report(scenario: Scenario, joined: JoinedWorkshop, final: SubmissionProgress, options: SubmitOptions, ctx: CommandContext): Promise<number> {
  const c = ctx.terminal.colors
  if (options.json) {
    ctx.terminal.line(JSON.stringify(final, null, 2))
    return EXIT[final.status as keyof typeof EXIT] ?? 2
  }
  printVerdict(final, ctx)
  if (final.status === 'passed') {
    ctx.terminal.line()
    for (const line of renderMarkdown(await readFile(scenario.explanationPath, 'utf8'), c)) ctx.terminal.line(`  ${line}`)
    ctx.terminal.line()
    ctx.terminal.line(`  Board: ${joined.url}/board/${joined.workshopId}`)
  }
  return EXIT[final.status as keyof typeof EXIT] ?? 2
}

/** Streams the submission's progress until its verdict; falls back to asking every two seconds. */
async function followSubmission(joined: JoinedWorkshop, first: SubmissionProgress, ctx: CommandContext, quiet: boolean): Promise<SubmissionProgress> {
  let endStep: ((outcome?: 'ok' | 'fail') => void) | undefined
  let shown = ''
  const show = (view: SubmissionProgress) => {
    if (quiet) return
    const position = 'queuePosition' in view ? view.queuePosition : null
    const text = view.status === 'queued' ? `Queued for grading${position ? ` (position ${position})` : ''}` : view.status === 'grading' ? 'Graded by the server: hidden tests on the docker runtime' : ''
    if (!text || text === shown) return
    endStep?.()
    shown = text
    endStep = ctx.terminal.progress(text)
  }
  let latest = first
  show(first)
  const followAgain = `\`drill submit --follow ${first.id}\` picks it up again`
  let unreachableSince: number | undefined
  let backoffMs = 1_000
  try {
    while (!FINAL.has(latest.status)) {
      if (ctx.signal.aborted) throw new UsageError(`Stopped waiting. The server still grades submission ${first.id}; ${followAgain}.`, 130)
      try {
        latest = await streamUntilFinal(joined, first.id, ctx.signal, (view) => {
          latest = view
          show(view)
          unreachableSince = undefined
          backoffMs = 1_000
        })
      } catch (error) {
        if (ctx.signal.aborted) continue
        // The server refused this trainee or this submission: waiting will not change that.
        if ((error instanceof WorkshopApiError && error.status < 500) || error instanceof WorkshopVersionError) throw error
        unreachableSince ??= Date.now()
        if (Date.now() - unreachableSince > RECONNECT_WINDOW_MS) {
          throw new UsageError(`The workshop server at ${joined.url} has not answered for ${RECONNECT_WINDOW_MS / 60_000} minutes. It keeps submission ${first.id}; ${followAgain} once the server is back.`)
        }
        if (!quiet) {
          endStep?.()
          shown = ''
          endStep = ctx.terminal.progress(`The server does not answer; asking again in ${backoffMs / 1000} s`)
        }
        await new Promise((resolve) => setTimeout(resolve, backoffMs))
        backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS)
        latest = await workshopApi(joined.url, `/api/submissions/${first.id}`, api.submission.response[200], { token: joined.token, signal: ctx.signal }).then<SubmissionProgress, SubmissionProgress>(
          (view) => {
            unreachableSince = undefined
            backoffMs = 1_000
            return view
          },
          (failure: unknown) => {
            if ((failure instanceof WorkshopApiError && failure.status < 500) || failure instanceof WorkshopVersionError) throw failure
            return latest
          }
        )
        show(latest)
      }
    }
    endStep?.(latest.status === 'passed' ? 'ok' : 'fail')
    endStep = undefined
    return latest
  } finally {
    endStep?.('fail')
  }
}

async function streamUntilFinal(joined: JoinedWorkshop, id: string, signal: AbortSignal, onUpdate: (view: SubmissionEvent) => void): Promise<SubmissionEvent> {
  const path = `/api/submissions/${id}/events`
  const response = await fetch(new URL(path, joined.url), { headers: { authorization: `Bearer ${joined.token}` }, signal })
  if (!response.ok || !response.body) throw new WorkshopApiError(response.status, `the server answered ${response.status}`)
  let latest: SubmissionEvent | undefined
  for await (const { event, data } of serverSentEvents(response.body)) {
    if (event !== 'submission') continue
    latest = parseAnswer(api.submissionEvents.events.submission, JSON.parse(data), { url: joined.url, path })
    onUpdate(latest)
    if (FINAL.has(latest.status)) return latest
  }
  throw new Error('the stream ended before the verdict')
}

function printVerdict(view: SubmissionProgress, { terminal }: CommandContext): void {
  const c = terminal.colors
  const report = view.report
  if (view.status === 'passed') {
    terminal.line(`${c.green(c.bold('PASS'))} ${view.scenario}: the server's hidden tests pass. It counts on the board, timed at ${formatDuration(view.elapsedMs)}.`)
  } else if (view.status === 'failed') {
    terminal.line(`${c.red(c.bold('FAIL'))} ${view.scenario}: the fix does not hold yet.`)
  } else {
    terminal.line(`${c.yellow(c.bold('ERROR'))} ${view.scenario}: ${report?.problem?.message ?? 'the grading did not finish.'}`)
  }
  for (const test of report?.tests ?? []) {
    const mark = test.status === 'pass' ? c.green('✓') : c.red('✗')
    terminal.line(`  ${mark} ${test.name}${test.status !== 'pass' && test.message ? c.dim(`\n      ${test.message.split('\n').slice(0, 4).join('\n      ')}`) : ''}`)
  }
  if (report?.problem && view.status !== 'error') terminal.line(`  ${report.problem.message}`)
  for (const line of report?.problem?.details.slice(-10) ?? []) terminal.line(c.dim(`    ${line}`))
  if (report) terminal.line(c.dim(`  seed ${report.seed} · graded in ${formatDuration(report.durationMs)}`))
  if (view.status !== 'passed') terminal.line(`  Reproduce locally with ${c.cyan(`drill check ${view.scenario}${report?.seed ? ` --seed ${report.seed}` : ''}`)}, then submit again.`)
}
