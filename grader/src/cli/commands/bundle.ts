import { relative } from 'node:path'
import { listServices } from '../../authoring/list-services.js'
import { prepareComposeBundle } from '../../compose/compose-bundle.js'
import { UsageError } from '../../errors.js'
import type { CommandContext } from '../command-context.js'

export async function bundle(service: string | undefined, { repoRoot, terminal }: CommandContext): Promise<number> {
  if (!service) throw new UsageError(`Name the service to bundle: ${(await listServices(repoRoot)).join(', ')}.`)
  const { dir } = await prepareComposeBundle(repoRoot, service)
  terminal.line(`Bundled ${service} into ${relative(repoRoot, dir)}. Run it with its database:`)
  terminal.line(`  SERVICE=${service} docker compose -p drill-${service} -f docker/compose.yaml up`)
  return 0
}
