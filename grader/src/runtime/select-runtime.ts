import { InfrastructureError, UsageError } from '../errors.js'
import { EmbeddedRuntime } from './embedded-runtime.js'
import type { GradingRuntime, RuntimeName } from './runtime.js'

export type RuntimeChoice = RuntimeName | 'auto'

export function parseRuntimeChoice(value: string): RuntimeChoice {
  if (value === 'docker' || value === 'embedded' || value === 'auto') return value
  throw new UsageError(`--runtime must be docker, embedded or auto, not "${value}".`)
}

// Testcontainers takes a few hundred milliseconds to load: only load it when Docker is wanted.
async function connectDocker() {
  const { DockerRuntime } = await import('./docker-runtime.js')
  return DockerRuntime.connect()
}

/** `auto` uses Docker when a daemon answers, else the embedded runtime, and says which through `say`. */
export async function selectRuntime(choice: RuntimeChoice, say: (line: string) => void = () => undefined): Promise<GradingRuntime> {
  if (choice === 'embedded') return new EmbeddedRuntime()
  if (choice === 'docker') return connectDocker()
  try {
    const docker = await connectDocker()
    say(`Runtime: docker (postgres ${docker.images.postgres}, node ${docker.images.node}).`)
    return docker
  } catch (error) {
    if (!(error instanceof InfrastructureError)) throw error
    say(`Runtime: embedded (Docker is not usable here: ${error.message.split('. ')[0]}).`)
    return new EmbeddedRuntime()
  }
}
