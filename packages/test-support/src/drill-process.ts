import { spawn, type ChildProcess } from 'node:child_process'
import { drillBin } from './run-drill.js'

/** A long-running `drill` (run, watch) that a test talks to while it runs. */
export interface DrillProcess extends AsyncDisposable {
  child: ChildProcess
  output(): string
  /** Resolves once stdout and stderr together match, or fails after `timeoutMs` with what was printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>
  /** Resolves with the exit code. */
  exited: Promise<number | null>
}

export function startDrill(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): DrillProcess {
  const child = spawn(process.execPath, [drillBin, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  const listeners = new Set<() => void>()
  const append = (chunk: Buffer) => {
    output += chunk.toString()
    for (const listener of listeners) listener()
  }
  child.stdout?.on('data', append)
  child.stderr?.on('data', append)
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return {
    child,
    output: () => output,
    exited,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (pattern.test(output)) {
            cleanup()
            resolve()
          }
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`drill ${args.join(' ')} did not print ${pattern} within ${timeoutMs} ms. It printed:\n${output}`))
        }, timeoutMs)
        const onExit = () => {
          if (pattern.test(output)) return
          cleanup()
          reject(new Error(`drill ${args.join(' ')} exited before printing ${pattern}. It printed:\n${output}`))
        }
        const cleanup = () => {
          clearTimeout(timer)
          listeners.delete(check)
          child.off('close', onExit)
        }
        listeners.add(check)
        child.once('close', onExit)
        check()
      })
    },
    async [Symbol.asyncDispose]() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT')
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
        await exited
        clearTimeout(timer)
      }
    }
  }
}
