import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export interface TypecheckResult {
  ok: boolean
  /** The compiler's messages, paths as the trainee sees them (`services/<name>/src/...`). */
  messages: string[]
}

export const nativeTsc = join(dirname(createRequire(import.meta.url).resolve('typescript-native/package.json')), 'bin', 'tsc')

/** Type-checks the service's source with TypeScript's native compiler: about half a second single-threaded, which on two cores beats its default thread pool and leaves a core for the rest of the check. */
export function typecheckService(buildDir: string, displayPrefix: string, signal?: AbortSignal): Promise<TypecheckResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nativeTsc, '--noEmit', '--singleThreaded', '--pretty', 'false', '-p', 'tsconfig.build.json'], {
      cwd: buildDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      signal
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => (signal?.aborted ? resolve({ ok: false, messages: [] }) : reject(error)))
    child.on('close', (code) => {
      const messages = output
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => (line.startsWith('src/') ? `${displayPrefix}${line}` : line))
      resolve({ ok: code === 0, messages })
    })
  })
}
