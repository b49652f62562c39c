import { spawn } from 'node:child_process'
import { realpath } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, isAbsolute, join, resolve } from 'node:path'
import { insideRoots, leadsOutside } from './bundle-service.js'

export interface TypecheckResult {
  ok: boolean
  /** The compiler's messages, paths as the trainee sees them (`services/<name>/src/...`). */
  messages: string[]
}

export const nativeTsc = join(dirname(createRequire(import.meta.url).resolve('typescript-native/package.json')), 'bin', 'tsc')

/**
 * Type-checks the service's source with TypeScript's native compiler: about half a second single-threaded, which on two cores beats its default thread pool and leaves a core for the rest of the check.
 *
 * With `roots` (see readableRoots), the check is confined as the bundle is: the compiler's
 * messages quote names from every file it read, so when its program took in a file outside the
 * roots (a `/// <reference path>` or a type-only import, which the bundler never sees), none of
 * them is shown, only which file was refused.
 */
export async function typecheckService(buildDir: string, displayPrefix: string, signal?: AbortSignal, roots?: string[]): Promise<TypecheckResult> {
  const { code, output } = await runCompiler(buildDir, roots ? ['--listFiles'] : [], signal)
  const lines = output.split('\n').filter((line) => line.trim())
  // --listFiles adds the program's files, one absolute path per line, to the diagnostics.
  const listed = lines.filter((line) => isAbsolute(line) && !/\(\d+,\d+\): /.test(line))
  if (roots) {
    for (const file of listed) {
      if (insideRoots(roots, file)) continue
      const real = await realpath(file).catch(() => file)
      if (!insideRoots(roots, real)) return refused(real)
    }
    // In a confined build's container what lies outside is not there: the compiler misses it where the host would have read it.
    for (const line of lines) {
      const missing = MISSING.exec(line)
      if (!missing?.groups) continue
      const { file, path = '', specifier = '' } = missing.groups
      const fromDir = dirname(join(buildDir, file ?? ''))
      if (path && !insideRoots(roots, resolve(fromDir, path))) return refused(resolve(fromDir, path))
      if (specifier && (await leadsOutside(roots, specifier, fromDir))) return refused(specifier)
    }
  }
  const programFiles = new Set(listed)
  const messages = lines.filter((line) => !programFiles.has(line)).map((line) => (line.startsWith('src/') ? `${displayPrefix}${line}` : line))
  return { ok: code === 0, messages }
}

/** A file or module the compiler did not find: `/// <reference path>` (TS6053) and imports (TS2307). */
const MISSING = /^(?<file>[^(]+)\(\d+,\d+\): error (?:TS6053: File '(?<path>[^']+)' not found|TS2307: Cannot find module '(?<specifier>[^']+)')/

function refused(path: string): TypecheckResult {
  return {
    ok: false,
    messages: [`The type-check read ${path}, which is outside the service and its packages (a \`/// <reference path>\` or an import names it): a build reads only services/<name> and the installed packages. Remove that reference or import.`]
  }
}

function runCompiler(buildDir: string, extra: string[], signal?: AbortSignal): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nativeTsc, '--noEmit', '--singleThreaded', '--pretty', 'false', ...extra, '-p', 'tsconfig.build.json'], {
      cwd: buildDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      // The compiler needs nothing of the grader's environment (tokens, database URLs).
      env: { PATH: process.env.PATH ?? '' },
      signal
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', (error) => (signal?.aborted ? resolve({ code: 1, output: '' }) : reject(error)))
    child.on('close', (code) => resolve({ code, output }))
  })
}
