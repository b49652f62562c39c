import { access, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { DrillError, UnknownScenarioError } from '../errors.js'
import { patchNote } from '../workspace/patch-files.js'
import { HACK_FAMILIES, ManifestSchema, type HackFamily } from './manifest-schema.js'
import type { FixVariant, Hack, Scenario } from './scenario.js'

export class BrokenScenarioError extends DrillError {
  constructor(dir: string, problem: string) {
    super(`The scenario in ${dir} is broken: ${problem}. Fix its scenario.yaml or restore it with \`git checkout -- ${dir}\`.`)
  }
}

export async function loadScenario(dir: string): Promise<Scenario> {
  const manifestPath = join(dir, 'scenario.yaml')
  let raw: unknown
  try {
    raw = parse(await readFile(manifestPath, 'utf8'))
  } catch (error) {
    throw new BrokenScenarioError(dir, `scenario.yaml cannot be read (${(error as Error).message})`)
  }
  const parsed = ManifestSchema.safeParse(raw)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'manifest'}: ${issue.message}`)
    throw new BrokenScenarioError(dir, problems.join('; '))
  }
  const alternatives = await loadVariants(dir, 'alternatives')
  const hacks = (await loadVariants(dir, 'hacks')).map((variant): Hack => {
    const [first = '', ...rest] = variant.note.split('\n')
    const family = /^family:\s*(\S+)\s*$/.exec(first)?.[1]
    if (!HACK_FAMILIES.includes(family as HackFamily)) {
      throw new BrokenScenarioError(dir, `hacks/${variant.name}.patch must start with "family: <family>", one of ${HACK_FAMILIES.join(', ')}`)
    }
    return { ...variant, family: family as HackFamily, note: rest.join(' ').trim() }
  })
  const scenario: Scenario = {
    ...parsed.data,
    dir,
    ticketPath: join(dir, 'ticket.md'),
    explanationPath: join(dir, 'explanation.md'),
    ...((await access(join(dir, 'bug.patch')).then(() => true, () => false)) ? { bugPatchPath: join(dir, 'bug.patch') } : {}),
    fixPatchPath: join(dir, 'fix.patch'),
    regressionTestsPath: join(dir, 'tests', 'regression.test.ts'),
    invariantTestsPath: join(dir, 'tests', 'invariant.test.ts'),
    alternatives,
    hacks
  }
  for (const path of [scenario.ticketPath, scenario.explanationPath, scenario.fixPatchPath, scenario.regressionTestsPath, scenario.invariantTestsPath]) {
    await access(path).catch(() => {
      throw new BrokenScenarioError(dir, `${path} is missing`)
    })
  }
  return scenario
}

/** The `*.patch` files of `<dir>/<kind>/`, with their notes. */
async function loadVariants(dir: string, kind: 'alternatives' | 'hacks'): Promise<FixVariant[]> {
  const names = (await readdir(join(dir, kind)).catch(() => [])).filter((name) => name.endsWith('.patch')).sort()
  return Promise.all(
    names.map(async (file) => {
      const path = join(dir, kind, file)
      return { name: file.slice(0, -'.patch'.length), path, note: patchNote(await readFile(path, 'utf8')) }
    })
  )
}

/** Every scenario under `<repo>/scenarios`, sorted by id. */
export async function listScenarios(repoRoot: string): Promise<Scenario[]> {
  const root = join(repoRoot, 'scenarios')
  const entries = await readdir(root, { withFileTypes: true })
  // The scenarios folder is also a workspace package: its tooling folders are not drills.
  const drills = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
  const scenarios = await Promise.all(
    drills.map(async (entry) => {
      const scenario = await loadScenario(join(root, entry.name))
      // findScenario looks for a drill in the folder named after it.
      if (scenario.id !== entry.name) throw new BrokenScenarioError(join(root, entry.name), `its id is "${scenario.id}", but its folder is named "${entry.name}": name them alike`)
      return scenario
    })
  )
  return scenarios.sort((a, b) => a.id.localeCompare(b.id))
}

/**
 * The scenario `id`, read from its own folder: a check does not wait for every manifest of the
 * catalogue to be parsed (a fifth of a second and more). Only an unknown id reads them all, to name them.
 */
export async function findScenario(repoRoot: string, id: string): Promise<Scenario> {
  const dir = join(repoRoot, 'scenarios', id)
  if (/^[a-z0-9][a-z0-9-]*$/.test(id) && (await access(join(dir, 'scenario.yaml')).then(() => true, () => false))) {
    const scenario = await loadScenario(dir)
    if (scenario.id === id) return scenario
  }
  const scenarios = await listScenarios(repoRoot)
  const scenario = scenarios.find((candidate) => candidate.id === id)
  if (!scenario) throw new UnknownScenarioError(id, scenarios.map((candidate) => candidate.id))
  return scenario
}
