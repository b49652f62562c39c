import { join } from 'node:path'
import { UsageError } from '../errors.js'
import { BUG_CLASSES, ManifestSchema, PATTERN_OF_CLASS, PATTERNS, type BugClass } from '../scenarios/manifest-schema.js'
import { copyTemplate } from './copy-template.js'
import { exists, listServices } from './list-services.js'

export interface ScaffoldScenarioOptions {
  repoRoot: string
  id: string
  service: string
  bugClass?: BugClass
}

export interface ScaffoldedScenario {
  dir: string
  files: string[]
}

/**
 * `scenarios/<id>/` with every file the authoring guide (scenarios/README.md) lists: a manifest
 * that loads, with TODOs to replace, a ticket, an explanation, empty patches, one example test per
 * set and the folders for alternatives and hacks.
 */
export async function scaffoldScenario({ repoRoot, id, service, bugClass }: ScaffoldScenarioOptions): Promise<ScaffoldedScenario> {
  if (!ManifestSchema.shape.id.safeParse(id).success) {
    throw new UsageError(
      `"${id}" cannot be a scenario id: use lower-case words joined by hyphens, the service first and then the symptom (such as catalog-sold-out-stock).`
    )
  }
  const dir = join(repoRoot, 'scenarios', id)
  if (await exists(dir)) {
    throw new UsageError(`scenarios/${id} already exists. Choose another id, or remove that folder first if it is an abandoned draft (\`git status scenarios/${id}\` shows whether it holds work).`)
  }
  const services = await listServices(repoRoot)
  if (!services.includes(service)) {
    throw new UsageError(
      `There is no service "${service}" to write the drill for. Services: ${services.join(', ') || 'none'}. Name one with --service <name>, or create one first with \`drill new service ${service}\`.`
    )
  }
  const chosen = bugClass ?? BUG_CLASSES[0]
  const values = { id, service, bugClass: chosen, bugClasses: BUG_CLASSES.join(', '), pattern: PATTERN_OF_CLASS[chosen], patterns: PATTERNS.join(', ') }
  const files = await copyTemplate('scenario', dir, values)
  return { dir, files }
}
