import { spawn } from 'node:child_process'
import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { prismaGenerate } from '@debug-drills/prisma-offline'
import { DrillError } from '../errors.js'
import { drillDir } from './drill-dir.js'
import { git } from './git.js'

/**
 * The service as committed at `base`, with its Prisma client generated, cached per git tree:
 * migrations, schema and configuration always come from here, never from the working copy.
 */
export async function pristineService(repoRoot: string, base: string, service: string): Promise<string> {
  let tree: string
  try {
    tree = (await git(repoRoot, ['rev-parse', `${base}:services/${service}`])).trim()
  } catch {
    throw new DrillError(`The service "${service}" is not in the repository's history at ${base.slice(0, 12)}; pull the latest main and try again.`)
  }
  const dir = drillDir(repoRoot, 'cache', 'pristine', `${service}-${tree.slice(0, 16)}`)
  const ready = await access(join(dir, '.complete')).then(
    () => true,
    () => false
  )
  if (ready) return dir

  const staging = `${dir}.staging-${process.pid}-${Date.now()}`
  await mkdir(staging, { recursive: true })
  try {
    await extractTree(repoRoot, base, `services/${service}`, staging)
    const generated = await prismaGenerate({ cwd: staging })
    if (generated.exitCode !== 0) {
      throw new DrillError(`Could not generate the Prisma client of the pristine ${service} service:\n${generated.output.trim()}`)
    }
    await writeFile(join(staging, '.complete'), `${tree}\n`)
    await rm(dir, { recursive: true, force: true })
    await rename(staging, dir)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
  return dir
}

function extractTree(repoRoot: string, base: string, path: string, into: string): Promise<void> {
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
