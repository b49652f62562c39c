import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from './temp-checkout.js'

export const drillBin = join(repoRoot, 'grader', 'bin', 'drill.js')

export interface DrillRun {
  exitCode: number | null
  stdout: string
  stderr: string
}

/** Runs the real `drill` CLI in `cwd`; `interrupt` sends Ctrl-C once stdout matches it. */
export function runDrill(args: string[], options: { cwd?: string; interrupt?: RegExp; env?: NodeJS.ProcessEnv } = {}): Promise<DrillRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [drillBin, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    let interrupted = false
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      if (options.interrupt && !interrupted && options.interrupt.test(stdout)) {
        interrupted = true
        child.kill('SIGINT')
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }))
  })
}
