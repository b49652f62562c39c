import { spawnSync } from 'node:child_process'
import { guardAgainstOwnerDeath } from '@debug-drills/local-postgres'

/**
 * If the process exits before the async cleanup ran (a second Ctrl-C, a crash), remove what
 * this run started synchronously with the docker CLI; if it is killed outright (`kill -9`), its
 * guardian does.
 */
export class ExitReaper {
  #containers: string[] = []
  #volumes: string[] = []
  #guards: (() => void)[] = []
  readonly #onExit = () => {
    if (this.#containers.length) spawnSync('docker', ['rm', '-f', ...this.#containers], { stdio: 'ignore' })
    if (this.#volumes.length) spawnSync('docker', ['volume', 'rm', ...this.#volumes], { stdio: 'ignore' })
  }

  constructor() {
    process.once('exit', this.#onExit)
  }

  /**
   * Every container that carries this label, for the guardian: a container whose start was
   * under way when its owner was killed was never passed to container().
   */
  labelled(label: string): void {
    const remove = `ids=$(docker ps -aq --filter label=${label}); [ -z "$ids" ] || docker rm -f -v $ids`
    this.#guards.push(guardAgainstOwnerDeath({ command: ['sh', '-c', remove] }))
  }

  container(id: string): void {
    this.#containers.push(id)
    this.#guards.push(guardAgainstOwnerDeath({ command: ['docker', 'rm', '-f', '-v', id] }))
  }

  volume(name: string): void {
    this.#volumes.push(name)
    // The guardian runs its commands last guarded first: the containers that use the volume go before it.
    this.#guards.push(guardAgainstOwnerDeath({ command: ['docker', 'volume', 'rm', name] }))
  }

  release(): void {
    process.off('exit', this.#onExit)
    this.#guards.forEach((release) => release())
  }
}
