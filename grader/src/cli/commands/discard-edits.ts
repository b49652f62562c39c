import { UsageError } from '../../errors.js'
import { backUpEdits, restoreService, serviceEdits } from '../../workspace/restore-service.js'
import type { CommandContext } from '../command-context.js'
import { confirm } from '../prompt.js'

export interface Discarded {
  paths: string[]
  /** Patch that brings the edits back, relative to the repository. */
  backup?: string
}

/**
 * Puts a service back to its shipped state (or to the commit `against`). Edits are listed and
 * confirmed first (or `--yes`), and saved as a patch before anything is discarded.
 */
export async function discardEdits(service: string, yes: boolean | undefined, { repoRoot, terminal, signal }: CommandContext, against?: string): Promise<Discarded | undefined> {
  const edits = await serviceEdits(repoRoot, service, against)
  if (!edits.paths.length) return { paths: [] }
  const c = terminal.colors
  terminal.line(`services/${service} has edits that differ from the shipped drill:`)
  for (const path of edits.paths.slice(0, 12)) terminal.line(`  ${c.yellow(path)}`)
  if (edits.paths.length > 12) terminal.line(c.dim(`  … and ${edits.paths.length - 12} more`))
  if (!yes) {
    const answer = await confirm('Discard them? A patch of them is saved under .drill/backups first.', signal)
    if (answer === undefined) {
      throw new UsageError(
        `services/${service} has edits (listed above), and there is no terminal to ask whether to discard them. Run the command again with --yes to discard them (a patch of them is saved under .drill/backups first), or commit or stash them.`
      )
    }
    if (!answer) return undefined
  }
  const backup = await backUpEdits(repoRoot, service, edits.base)
  await restoreService(repoRoot, service, edits.base)
  terminal.line(`Discarded. ${c.dim(`Your edits are saved in ${backup}; \`git apply ${backup}\` brings them back.`)}`)
  return { paths: edits.paths, backup }
}
