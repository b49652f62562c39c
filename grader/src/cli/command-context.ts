import type { Terminal } from './terminal.js'

export interface CommandContext {
  repoRoot: string
  terminal: Terminal
  /** Aborted on Ctrl-C: commands stop what they started and return. */
  signal: AbortSignal
}
