import { spawn, type ChildProcess } from 'node:child_process'
import { guardAgainstOwnerDeath } from '@debug-drills/local-postgres'
import { killProcessGroup } from '../lifecycle/processes.js'
import type { TestRun } from './runtime.js'

/**
 * Runs a command to completion, killing it and everything it started on abort or after
 * `timeoutMs`. It gets a process group of its own, so the per-file processes that
 * `node --test` spawns die with it instead of running on as orphans.
 */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal: AbortSignal }
): Promise<TestRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    let timedOut = false
    const kill = () => killProcessGroup(child, 'SIGKILL')
    process.once('exit', kill)
    const release = child.pid ? guardAgainstOwnerDeath({ pid: child.pid, signal: 'SIGKILL', group: true }) : () => undefined
    const timer = setTimeout(() => {
      timedOut = true
      kill()
    }, options.timeoutMs)
    options.signal.addEventListener('abort', kill, { once: true })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      options.signal.removeEventListener('abort', kill)
      process.off('exit', kill)
      release()
      resolve({ stdout, stderr, exitCode: code ?? (signal ? 128 : 1), ...(timedOut ? { timedOut } : {}) })
    })
  })
}
