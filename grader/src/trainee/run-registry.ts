import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
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
    return processAlive(running.pid) ? running : undefined
  } catch {
    return undefined
  }
}
