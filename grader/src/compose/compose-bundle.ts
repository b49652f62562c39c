import { access, cp, mkdir, readdir, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { prismaGenerate } from '@debug-drills/prisma-offline'
import { build } from 'esbuild'
import { bundleService } from '../build/bundle-service.js'
import { ESM_REQUIRE_SHIM } from '../build/esm-require-shim.js'
import { DrillError, UsageError } from '../errors.js'
import { drillDir } from '../workspace/drill-dir.js'

export interface ComposeBundle {
  dir: string
}

/**
 * What docker/compose.yaml runs for a service: the working copy bundled into `server.mjs`
 * (packages included, so a stock Node image runs it), a migration runner and the migrations.
 */
export async function prepareComposeBundle(repoRoot: string, service: string): Promise<ComposeBundle> {
  const serviceDir = join(repoRoot, 'services', service)
  await access(join(serviceDir, 'src', 'server.ts')).catch(() => {
    throw new UsageError(`There is no service "${service}" in services/.`)
  })
  await access(join(serviceDir, 'src', 'generated')).catch(async () => {
    const generated = await prismaGenerate({ cwd: serviceDir })
    if (generated.exitCode !== 0) throw new DrillError(`Could not generate the Prisma client of ${service}:\n${generated.output}`)
  })
  const dir = drillDir(repoRoot, 'compose', service)
  // Emptied rather than replaced: a running container has this very folder mounted.
  await mkdir(dir, { recursive: true })
  await Promise.all((await readdir(dir)).map((entry) => rm(join(dir, entry), { recursive: true, force: true })))
  const bundled = await bundleService({ buildDir: serviceDir, sourceRoot: serviceDir, mode: 'self-contained', repoRoot, service })
  if (!bundled.ok) throw new DrillError(`The ${service} service does not compile:\n${bundled.errors.join('\n')}`)
  await cp(bundled.dir, dir, { recursive: true })
  await cp(join(serviceDir, 'prisma', 'migrations'), join(dir, 'migrations'), { recursive: true })
  const migrator = createRequire(import.meta.url).resolve('@debug-drills/prisma-offline')
  await build({
    entryPoints: [join(migrator, '..', 'bin', 'apply-migrations.js')],
    outfile: join(dir, 'migrate.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'silent',
    banner: { js: ESM_REQUIRE_SHIM }
  })
  return { dir }
}
