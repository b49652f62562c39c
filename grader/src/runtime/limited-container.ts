import { GenericContainer } from 'testcontainers'

/** A GenericContainer that can also cap the number of processes (fork bombs, runaway workers). */
export class LimitedContainer extends GenericContainer {
  withPidsLimit(limit: number): this {
    this.hostConfig.PidsLimit = limit
    return this
  }
}
