import { execFile } from 'node:child_process'
import { access, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { parseEnv, promisify } from 'node:util'
import { prismaGenerate } from '@debug-drills/prisma-offline'
import { DrillError, InfrastructureError, UsageError } from '../errors.js'

/** What a developer runs the service with on a laptop: its `.env.example`, as `npm run dev` reads a copy of it. */
export async function laptopEnvironment(serviceDir: string): Promise<Record<string, string>> {
  const example = await readFile(join(serviceDir, '.env.example'), 'utf8').catch(() => '')
  return parseEnv(example) as Record<string, string>
}

/** The port a service answers on by default: `PORT` in its `.env.example`. */
export async function defaultPort(serviceDir: string): Promise<number> {
  const port = Number((await laptopEnvironment(serviceDir)).PORT)
  return Number.isInteger(port) && port > 0 ? port : 3000
}

/** The first API key in `API_KEYS` (`client:key,...`), for tools that call the service as a client. */
export function firstApiKey(environment: Record<string, string>): string | undefined {
  const entry = environment.API_KEYS?.split(',')[0]?.trim()
  return entry ? entry.slice(entry.indexOf(':') + 1) : undefined
}

/** Fails with a clear message when something else already listens on the port. */
export async function ensurePortFree(port: number, what: string, flag: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new UsageError(`Port ${port} for ${what} is taken by another program (is another \`drill run\` or \`npm run dev\` still running?). Stop it, or choose another port with ${flag}.`)
          : error
      )
    })
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

export function parsePort(value: unknown, flag: string): number | undefined {
  if (value === undefined || value === true) return undefined
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`${flag} must be a port number from 1 to 65535, not "${String(value)}".`)
  return port
}

/** The Prisma client is generated code, not in git: a fresh clone has none until this runs. */
export async function ensurePrismaClient(serviceDir: string, service: string): Promise<void> {
  const generated = await access(join(serviceDir, 'src', 'generated', 'prisma', 'client.ts')).then(
    () => true,
    () => false
  )
  if (generated) return
  const result = await prismaGenerate({ cwd: serviceDir })
  if (result.exitCode !== 0) throw new DrillError(`Could not generate the Prisma client of ${service}:\n${result.output}`)
}

/** The tsx CLI the service itself depends on: it runs `drill run`'s watch mode and the seed script. */
export function tsxCli(serviceDir: string): string {
  const manifest = createRequire(join(serviceDir, 'package.json')).resolve('tsx/package.json')
  return join(dirname(manifest), 'dist', 'cli.mjs')
}

/** Runs the service's `prisma/seed.ts` against a migrated database. */
export async function seedDatabase(serviceDir: string, service: string, databaseUrl: string): Promise<void> {
  await promisify(execFile)(process.execPath, [tsxCli(serviceDir), 'prisma/seed.ts'], { cwd: serviceDir, env: { ...process.env, DATABASE_URL: databaseUrl } }).catch(
    (error: { stderr?: string; message: string }) => {
      throw new InfrastructureError(`The seed script of ${service} failed: ${error.stderr?.trim() || error.message}`)
    }
  )
}
