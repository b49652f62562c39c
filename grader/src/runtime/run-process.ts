import { spawn, type ChildProcess } from 'node:child_process'
import type { TestRun } from './runtime.js'

/** Runs a command to completion, killing it on abort or after `timeoutMs`. */
export function runProcess(
  command: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal: AbortSignal }
): Promise<TestRun> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const kill = () => child.kill('SIGKILL')
    const timer = setTimeout(kill, options.timeoutMs)
    options.signal.addEventListener('abort', kill, { once: true })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      options.signal.removeEventListener('abort', kill)
      resolve({ stdout, stderr, exitCode: code ?? (signal ? 128 : 1) })
    })
  })
}
