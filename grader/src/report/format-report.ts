import type { Colors } from '../cli/terminal.js'
import type { GradeReport } from '../grading/grade-report.js'
import type { TestResult, TestSet } from '../hidden-tests/test-result.js'

const SET_TITLES: Record<TestSet, string> = {
  regression: 'What the ticket asks for',
  invariant: 'What must keep working'
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

function formatTest(test: TestResult, c: Colors): string[] {
  const mark = test.status === 'pass' ? c.green('✓') : test.status === 'fail' ? c.red('✗') : c.yellow('!')
  const lines = [`    ${mark} ${test.name} ${c.dim(`(${test.durationMs} ms)`)}`]
  if (test.message) lines.push(...test.message.split('\n').map((line) => `        ${c.dim(line)}`))
  return lines
}

/** The human-readable report of one check. */
export function formatReport(report: GradeReport, c: Colors): string[] {
  const lines: string[] = []
  for (const set of ['regression', 'invariant'] as const) {
    const tests = report.tests.filter((test) => test.set === set)
    if (!tests.length) continue
    lines.push(`  ${c.bold(SET_TITLES[set])}`)
    for (const test of tests) lines.push(...formatTest(test, c))
    lines.push('')
  }
  if (report.problem) {
    lines.push(`  ${c.yellow(report.problem.message)}`)
    if (report.problem.details.length) {
      const heading = report.problem.kind === 'compile' ? 'Compiler messages:' : 'Last lines of the service log:'
      lines.push(`  ${c.dim(heading)}`)
      for (const detail of report.problem.details) lines.push(`    ${detail.length > 400 ? `${detail.slice(0, 400)}…` : detail}`)
    }
    lines.push('')
  }
  if (report.changes.ignored.length) {
    lines.push(`  ${c.yellow('Ignored: these files differ from the commit you started from, and a check only grades')} ${c.yellow(`services/${report.service}/src:`)}`)
    for (const file of report.changes.ignored) lines.push(`    ${file}`)
    lines.push('')
  }
  if (report.changes.links?.length) {
    lines.push(`  ${c.yellow('Left out: these are not regular files (symbolic links), and a check copies only regular files of the source:')}`)
    for (const file of report.changes.links) lines.push(`    ${file}`)
    lines.push('')
  }
  const failing = report.tests.filter((test) => test.status !== 'pass').length
  const timing = report.timings.map((t) => `${t.step} ${seconds(t.ms)}`).join(', ')
  const summary =
    report.verdict === 'pass'
      ? `${c.bgGreen(c.black(' PASS '))} all ${report.tests.length} behaviours hold`
      : report.verdict === 'fail'
        ? `${c.bgRed(c.white(' FAIL '))} ${failing} of ${report.tests.length} behaviours still break`
        : `${c.bgYellow(c.black(' ERROR '))} ${report.problem?.kind === 'infrastructure' ? 'the grader could not run the check' : 'the check could not finish'}`
  lines.push(`  ${summary} ${c.dim(`· ${seconds(report.durationMs)} (${timing})`)}`)
  // The production settings are not highlighted here: finding how they differ from a laptop's is part of some drills.
  lines.push(c.dim(`  Seed ${report.seed}${report.source === 'working-copy' ? ` · same data again: drill check ${report.scenario} --seed ${report.seed} --runtime ${report.runtime}` : ''}`))
  return lines
}
