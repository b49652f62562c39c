import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { processAlive } from '../lifecycle/processes.js'
import { drillDir } from '../workspace/drill-dir.js'

/** What `drill run` is serving, for `drill repro` and for the trainee's other terminals. */
export interface RunningService {
  service: string
  scenario?: string
  pid: number
  url: string
  databaseUrl: string
  sqlLog?: string
  inspect?: string
  /** A key the service accepts, for `drill repro`. */
  apiKey?: string
  mode: 'embedded' | 'docker'
  startedAt: string
}

function registryPath(repoRoot: string, service: string): string {
  return drillDir(repoRoot, 'run', `${service}.json`)
}

export async function registerRun(repoRoot: string, running: RunningService): Promise<() => Promise<void>> {
  const path = registryPath(repoRoot, running.service)
  await mkdir(drillDir(repoRoot, 'run'), { recursive: true })
  await writeFile(path, `${JSON.stringify(running, null, 2)}\n`)
  return () => rm(path, { force: true })
}

/** The `drill run` serving this service, if its process is still alive. */
export async function findRun(repoRoot: string, service: string): Promise<RunningService | undefined> {
  try {
    const running = JSON.parse(await readFile(registryPath(repoRoot, service), 'utf8')) as RunningService
    return processAlive(running.pid) && (await stillDrill(running.pid)) ? running : undefined
  } catch {
    return undefined
  }
}

/** Every `drill run` of this checkout whose process is still alive, by service name. */
export async function listRuns(repoRoot: string): Promise<RunningService[]> {
  const names = await readdir(drillDir(repoRoot, 'run')).catch(() => [] as string[])
  const services = names.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length))
  const found = await Promise.all(services.sort().map((service) => findRun(repoRoot, service)))
  return found.filter((running): running is RunningService => running !== undefined)
}

/** A recorded pid may have been reused by an unrelated program since: where /proc tells, it must still be drill. */
export async function stillDrill(pid: number): Promise<boolean> {
  const commandLine = await readFile(`/proc/${pid}/cmdline`, 'latin1').catch(() => undefined)
  return commandLine === undefined || commandLine.includes('drill')
}
