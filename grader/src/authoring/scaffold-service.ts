import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseEnv } from 'node:util'
import { UsageError } from '../errors.js'
import { copyTemplate } from './copy-template.js'
import { exists, listServices } from './list-services.js'

export interface ScaffoldServiceOptions {
  repoRoot: string
  name: string
  /** Its `PORT` in `.env.example`; by default the one after the highest of the other services. */
  port?: number
  /** When the init migration is dated; now by default. */
  now?: Date
}

export interface ScaffoldedService {
  dir: string
  port: number
  files: string[]
}

const SERVICE_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/

/**
 * `services/<name>/`, shaped like the other services but with one model and one route file:
 * the shared kit, Prisma 7 with an init migration, tests on a real PostgreSQL. Dependency
 * versions are the other services' own, so the workspace keeps one version of each.
 */
export async function scaffoldService({ repoRoot, name, port, now = new Date() }: ScaffoldServiceOptions): Promise<ScaffoldedService> {
  if (!SERVICE_NAME.test(name)) {
    throw new UsageError(`"${name}" cannot be a service name: use lower-case letters and digits, words joined by hyphens (such as inventory or gift-cards).`)
  }
  const dir = join(repoRoot, 'services', name)
  if (await exists(dir)) throw new UsageError(`services/${name} already exists. Choose another name, or write a drill for it with \`drill new scenario <id> --service ${name}\`.`)
  const services = await listServices(repoRoot)
  const manifests = await Promise.all(services.map(async (service) => JSON.parse(await readFile(join(repoRoot, 'services', service, 'package.json'), 'utf8')) as Manifest))
  if (!manifests.length) throw new UsageError('There is no service in services/ to take the dependency versions from; copy one by hand instead.')
  const taken = await Promise.all(services.map((service) => servicePort(join(repoRoot, 'services', service))))
  const chosen = port ?? Math.max(3000, ...taken.filter((value): value is number => value !== undefined)) + 1
  if (taken.includes(chosen)) throw new UsageError(`Port ${chosen} is already the port of another service's .env.example. Choose another with --port <port>.`)

  const versions: Record<string, string> = {}
  for (const manifest of manifests) {
    for (const [dependency, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) versions[`version:${dependency}`] ??= version
  }
  const migration = now.toISOString().replace(/\D/g, '').slice(0, 14)
  const files = await copyTemplate('service', dir, { ...versions, name, port: String(chosen), migration })
  return { dir, port: chosen, files }
}

interface Manifest {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

async function servicePort(serviceDir: string): Promise<number | undefined> {
  const example = await readFile(join(serviceDir, '.env.example'), 'utf8').catch(() => '')
  const port = Number(parseEnv(example).PORT)
  return Number.isInteger(port) && port > 0 ? port : undefined
}
