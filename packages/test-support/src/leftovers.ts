import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { expect } from 'vitest'

/** The grader's owner tag (grader/src/lifecycle/owner-tag.ts; its tests check the two agree). */
export const OWNER_TAG_VARIABLE = 'DRILL_OWNER'

/** This test run's tag (set in vitest.config.ts): every process drill starts for these tests inherits it. */
export function testRunTag(): string {
  const tag = process.env[OWNER_TAG_VARIABLE]
  if (!tag) throw new Error(`${OWNER_TAG_VARIABLE} is not set: run the tests through vitest, whose config sets it.`)
  return tag
}

function startedByThisRun(pid: number, tag: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(`${OWNER_TAG_VARIABLE}=${tag}`)
  } catch {
    return false // gone already, or not ours to read
  }
}

/**
 * Processes a check or `drill run` may start (local PostgreSQL servers, services run from a
 * build folder or under tsx watch, hidden-test runs) that this test run started: a trainee's
 * `drill run` or another checkout's checks on the same machine are not ours to count.
 */
export function gradingProcesses(): string[] {
  const tag = testRunTag()
  const lines = execFileSync('ps', ['-eo', 'pid=,ppid=,stat=,args='], { encoding: 'utf8' }).split('\n')
  return lines
    .filter((line) => /drill-pg-|drill-guardian|drill-tests-|\.drill\/(work|cache)\/|tsx\/dist\/(cli\.mjs watch|preflight\.cjs)|postgres/.test(line))
    .filter((line) => !line.includes('ps -eo') && !/^\s*\d+\s+\d+\s+Z/.test(line))
    // A guardian lives as long as its owner (a drill process, or a test that grades in its own
    // process); only one whose owner is gone, and so has been re-parented, is left over.
    .filter((line) => !(line.endsWith('drill-guardian') && startedByThisRun(Number(line.trim().split(/\s+/)[1]), tag)))
    .filter((line) => startedByThisRun(Number.parseInt(line, 10), tag))
}

/** Nothing a check started may outlive it; a process being reaped gets two seconds. */
export async function expectNoGradingProcesses(): Promise<void> {
  let left = gradingProcesses()
  for (let attempt = 0; attempt < 20 && left.length; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    left = gradingProcesses()
  }
  expect(left, `processes left running:\n${left.join('\n')}`).toEqual([])
}
