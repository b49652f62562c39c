import { spawn } from 'node:child_process'

/** Writes `path` as committed at `base` into `into`, without the leading folders of `path`. */
export function extractTree(repoRoot: string, base: string, path: string, into: string): Promise<void> {
  const depth = path.split('/').length
  return new Promise((resolve, reject) => {
    const archive = spawn('git', ['archive', '--format=tar', base, path], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    const tar = spawn('tar', ['-x', '-f', '-', '-C', into, `--strip-components=${depth}`], { stdio: ['pipe', 'ignore', 'pipe'] })
    archive.stdout.pipe(tar.stdin)
    let errors = ''
    archive.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    tar.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    archive.on('error', reject)
    tar.on('error', reject)
    tar.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`could not extract ${path} at ${base}: ${errors.trim()}`))))
  })
}
