import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { freePort } from '@debug-drills/local-postgres'
import { getContainerRuntimeClient } from 'testcontainers'
import { UsageError } from '../errors.js'
import { CleanupStack } from '../lifecycle/cleanup-stack.js'
import { dependencyVariables } from '../runtime/dependency-environment.js'
import { ownerLabels } from '../runtime/docker-labels.js'
import { startDockerRun } from './docker-run.js'
import { startEmbeddedRun } from './embedded-run.js'
import type { ServiceRun, ServiceRunOptions } from './service-run.js'
import { waitForHealth } from '../runtime/health.js'
import { defaultPort, ensurePortFree, ensurePrismaClient, firstApiKey, laptopEnvironment } from './service-setup.js'

export interface DependencyRun {
  service: string
  /** Where you reach it from the host. */
  url: string
  handle: ServiceRun
}

export interface DependencyRuns {
  runs: DependencyRun[]
  /** What the drill's service is told: `<NAME>_URL` and `<NAME>_API_KEY` of each. */
  environment: Record<string, string>
  /** Docker only: the network the drill's service joins to reach them. */
  linksNetwork?: string
  stop(): Promise<void>
}

type Shared = Pick<ServiceRunOptions, 'repoRoot' | 'seed' | 'signal' | 'step'>

/**
 * Starts the services a drill's service calls (its manifest's `dependsOn`), each from the working copy with its
 * laptop settings and a database of its own, on its usual port when that is free. On Docker they share a network
 * with the drill's service, which reaches them by name.
 */
export async function startDependencyRuns(names: readonly string[], docker: boolean, shared: Shared): Promise<DependencyRuns> {
  const cleanup = new CleanupStack()
  const runs: DependencyRun[] = []
  const environment: Record<string, string> = {}
  let linksNetwork: string | undefined
  try {
    if (docker && names.length > 0) {
      const dockerode = (await getContainerRuntimeClient()).container.dockerode
      linksNetwork = `drill-links-${createHash('sha256').update(shared.repoRoot).digest('hex').slice(0, 8)}`
      await dockerode.getNetwork(linksNetwork).remove().catch(() => undefined) // a run killed before its cleanup
      const network = await dockerode.createNetwork({ Name: linksNetwork, Labels: ownerLabels() })
      cleanup.defer(() => network.remove().catch(() => undefined))
    }
    for (const service of names) {
      const serviceDir = join(shared.repoRoot, 'services', service)
      const laptop = await laptopEnvironment(serviceDir)
      const usual = await defaultPort(serviceDir)
      const port = await ensurePortFree(usual, '', '').then(() => usual, () => freePort())
      if (!docker) await shared.step(`Generating the Prisma client of ${service}`, () => ensurePrismaClient(serviceDir, service))
      const options: ServiceRunOptions = { ...shared, service, serviceDir, port, environment: laptop, ...(linksNetwork ? { linksNetwork } : {}) }
      const handle = docker ? await startDockerRun(options) : await startEmbeddedRun(options)
      cleanup.defer(() => handle.stop())
      const healthy = await shared.step(`Waiting for ${service}, which the drill's service calls`, () => waitForHealth(handle.url, docker ? 60_000 : 30_000, shared.signal))
      if (!healthy) throw new UsageError(`${service}, which the drill's service calls, did not answer /health; its log is above. Fix it (\`git status services/${service}\`) and run again.`)
      runs.push({ service, url: handle.url, handle })
      Object.assign(environment, dependencyVariables(service, docker ? `http://${service}:3000` : handle.url, firstApiKey(laptop)))
    }
    return { runs, environment, ...(linksNetwork ? { linksNetwork } : {}), stop: () => cleanup[Symbol.asyncDispose]() }
  } catch (error) {
    await cleanup[Symbol.asyncDispose]()
    throw error
  }
}
