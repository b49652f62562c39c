import { execFileSync } from 'node:child_process'
import { expect } from 'vitest'

/** Processes a check or `drill run` may start: local PostgreSQL servers, services run from a build folder or under tsx watch, hidden-test runs. */
export function gradingProcesses(): string[] {
  const lines = execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' }).split('\n')
  return lines.filter((line) => /drill-pg-|drill-tests-|\.drill\/(work|cache)\/|tsx\/dist\/(cli\.mjs watch|preflight\.cjs)/.test(line) && !line.includes('ps -eo') && !/^\s*\d+\s+Z/.test(line))
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
