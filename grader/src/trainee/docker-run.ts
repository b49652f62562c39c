import { createHash } from 'node:crypto'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from '@debug-drills/local-postgres'
import { watch } from 'chokidar'
import { getContainerRuntimeClient } from 'testcontainers'
import { prepareComposeBundle } from '../compose/compose-bundle.js'
import { UsageError } from '../errors.js'
import { CleanupStack } from '../lifecycle/cleanup-stack.js'
import { killProcessGroup } from '../lifecycle/processes.js'
import { resolveImages } from '../runtime/docker-images.js'
import { drillDir } from '../workspace/drill-dir.js'
import type { ServiceRun, ServiceRunOptions } from './service-run.js'
import { waitForHealth } from '../runtime/health.js'
import { seedDatabase } from './service-setup.js'

const execFileAsync = promisify(execFile)

const NO_DAEMON =
  'No Docker daemon answers, so `drill run --docker` cannot start the service. Start Docker Desktop (macOS, Windows) or the docker service (Linux: `sudo systemctl start docker`), check that `docker info` works, and run again; or leave out --docker to run it on embedded PostgreSQL.'

/** `docker compose` (v2) where it exists, else `docker-compose` (v1): they take the same arguments. */
async function composeCommand(): Promise<[string, string[]]> {
  for (const candidate of [['docker', ['compose']], ['docker-compose', []]] as [string, string[]][]) {
    try {
      await execFileAsync(candidate[0], [...candidate[1], 'version'])
      return candidate
    } catch {
      // try the next
    }
  }
  throw new UsageError('`drill run --docker` needs the docker compose CLI (`docker compose` or `docker-compose`), and neither is installed. Install Docker Desktop or the compose plugin, or leave out --docker.')
}

/**
 * The service through docker/compose.yaml: the working copy bundled for a stock Node image,
 * with its own PostgreSQL. A save re-bundles it and restarts the service container.
 */
/** The Compose project of a service's `drill run --docker`: one per checkout, so a second clone's run never replaces this one's containers. */
export function composeProject(repoRoot: string, service: string): string {
  return `drill-run-${service}-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 8)}`
}

export async function startDockerRun(options: ServiceRunOptions & { onReload?: (outcome: string) => void }): Promise<ServiceRun> {
  const { repoRoot, service, step } = options
  const [command, prefix] = await composeCommand()
  const cleanup = new CleanupStack()
  try {
    const client = await step('Connecting to Docker', () => getContainerRuntimeClient()).catch(() => {
      throw new UsageError(NO_DAEMON)
    })
    const images = await step('Finding the PostgreSQL and Node images', () => resolveImages(client))
    await step('Bundling your working copy', () => prepareComposeBundle(repoRoot, service))
    const project = composeProject(repoRoot, service)
    const composeFile = join(repoRoot, 'docker', 'compose.yaml')
    const files = ['-f', composeFile, ...(options.linksNetwork ? ['-f', join(repoRoot, 'docker', 'compose.links.yaml')] : [])]
    const dbPort = options.databasePort ?? (await freePort())
    // Every setting of the run reaches the container; the few compose.yaml names itself are set below.
    const envFile = drillDir(repoRoot, 'compose', `${service}.env`)
    await mkdir(dirname(envFile), { recursive: true })
    await writeFile(envFile, Object.entries(options.environment).map(([key, value]) => `${key}=${value.replaceAll('\n', ' ')}`).join('\n') + '\n', { mode: 0o600 })
    const env = {
      ENV_FILE: envFile,
      ...(options.linksNetwork ? { LINKS_NETWORK: options.linksNetwork } : {}),
      ...process.env,
      SERVICE: service,
      SERVICE_PORT: String(options.port),
      DB_PORT: String(dbPort),
      INSPECT_PORT: String(options.inspectPort ?? (await freePort())),
      NODE_OPTIONS: options.inspectPort ? '--inspect=0.0.0.0:9229' : '',
      POSTGRES_IMAGE: images.postgres,
      NODE_IMAGE: images.node,
      DB_LOG_STATEMENT: 'all',
      TZ: options.environment.TZ ?? 'UTC',
      NODE_ENV: options.environment.NODE_ENV ?? 'development',
      LOG_LEVEL: options.environment.LOG_LEVEL ?? 'info',
      API_KEYS: options.environment.API_KEYS ?? ''
    }
    const compose = (...args: string[]) => execFileAsync(command, [...prefix, '-p', project, ...files, ...args], { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 })
    cleanup.defer(() => compose('down', '--volumes', '--remove-orphans', '--timeout', '2').catch(() => undefined))
    await step('Starting PostgreSQL and the service in containers', () =>
      compose('up', '--detach', '--force-recreate').catch((error: { stderr?: string; message: string }) => {
        throw new UsageError(`docker compose could not start ${service}: ${error.stderr?.trim() || error.message}`)
      })
    )
    // Follows the service's log (and the database's, whose log holds every statement, with --sql).
    // A reload replaces the container, and with it this follower.
    let logs: ChildProcess | undefined
    const stopFollowing = () => logs && killProcessGroup(logs, 'SIGTERM')
    const follow = () => {
      logs = spawn(command, [...prefix, '-p', project, ...files, 'logs', '--follow', '--no-color', 'service', ...(options.onSql ? ['db'] : [])], {
        cwd: repoRoot,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
        detached: true
      })
    }
    follow()
    cleanup.defer(async () => stopFollowing())

    const url = `http://127.0.0.1:${options.port}`
    const databaseUrl = `postgresql://drill:drill@127.0.0.1:${dbPort}/app`
    if (options.seed) {
      await step('Seeding the database', async () => {
        // The container applies the migrations before it listens, so a healthy service means a migrated database.
        if (await waitForHealth(url, 60_000, options.signal)) await seedDatabase(options.serviceDir, service, databaseUrl)
      })
    }

    let reloading: Promise<void> = Promise.resolve()
    let timer: NodeJS.Timeout | undefined
    const watcher = watch(join(options.serviceDir, 'src'), { ignoreInitial: true, ignored: (path) => path.includes('/src/generated') })
    cleanup.defer(() => watcher.close())
    watcher.on('all', () => {
      clearTimeout(timer)
      timer = setTimeout(() => {
        reloading = reloading.then(async () => {
          try {
            await prepareComposeBundle(repoRoot, service)
            stopFollowing()
            await compose('up', '--detach', '--force-recreate', '--no-deps', '--timeout', '1', 'service')
            follow()
            options.onReload?.('restarted the service container with your edit')
          } catch (error) {
            options.onReload?.(`could not reload: ${(error as Error).message.split('\n')[0]}`)
          }
        })
      }, 300)
    })
    cleanup.defer(async () => clearTimeout(timer))

    return {
      url,
      databaseUrl,
      sqlCommand: `${[command, ...prefix].join(' ')} -p ${project} -f docker/compose.yaml logs --follow db`,
      ...(options.inspectPort ? { inspect: `127.0.0.1:${options.inspectPort}` } : {}),
      pid: process.pid,
      // The containers outlive a crash of the service: a save starts it again, so the run goes on.
      exited: new Promise<never>(() => undefined),
      stop: () => cleanup[Symbol.asyncDispose]()
    }
  } catch (error) {
    await cleanup[Symbol.asyncDispose]()
    throw error
  }
}
