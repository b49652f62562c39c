import { GenericContainer } from 'testcontainers'

/**
 * A GenericContainer that can also cap the number of processes (fork bombs, runaway workers) and
 * what Docker keeps of its output (a service printing without end fills no disk).
 */
export class LimitedContainer extends GenericContainer {
  withPidsLimit(limit: number): this {
    this.hostConfig.PidsLimit = limit
    return this
  }

  withLogLimit(maxSize: string, maxFiles = 1): this {
    this.hostConfig.LogConfig = { Type: 'json-file', Config: { 'max-size': maxSize, 'max-file': String(maxFiles) } }
    return this
  }
}
