import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { UnknownScenarioError } from '../src/errors.js'
import { BUG_CLASSES } from '../src/scenarios/manifest-schema.js'
import { BrokenScenarioError, findScenario, listScenarios, loadScenario } from '../src/scenarios/load-scenarios.js'
import { repoRoot } from '@debug-drills/test-support'

describe('the shipped catalogue', () => {
  it('has a tutorial and a drill of every bug class, each for a service that exists, with three hints', async () => {
    const scenarios = await listScenarios(repoRoot)
    expect(scenarios.filter((scenario) => scenario.tutorial).map((scenario) => scenario.id)).toEqual(['tutorial'])
    const drills = scenarios.filter((scenario) => !scenario.tutorial)
    expect(BUG_CLASSES.slice(0, 4).filter((bugClass) => !drills.some((scenario) => scenario.bugClass === bugClass))).toEqual([])
    for (const scenario of scenarios) {
      expect(existsSync(join(repoRoot, 'services', scenario.service, 'package.json')), scenario.id).toBe(true)
      expect(scenario.hints).toHaveLength(3)
    }
  })

  it('reads alternatives and hacks with their notes, and the family of each hack', async () => {
    const scenario = await findScenario(repoRoot, 'tutorial')
    expect(scenario.alternatives.length).toBeGreaterThan(0)
    expect(scenario.hacks.find((hack) => hack.family === 'outside-src')?.note).toMatch(/\w/)
    for (const variant of [...scenario.alternatives, ...scenario.hacks]) expect(variant.note).not.toMatch(/^family:|diff --git/m)
  })
})

describe('findScenario', () => {
  it('names the known scenarios when the id is unknown', async () => {
    const error = await findScenario(repoRoot, 'no-such-drill').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UnknownScenarioError)
    expect((error as Error).message).toContain('accounts-duplicate-signup')
  })

  it('finds a drill in the folder named after it, and refuses a catalogue whose folder and id differ', async () => {
    const root = mkdtempSync(join(tmpdir(), 'catalogue-'))
    try {
      for (const id of ['tutorial', 'catalog-sold-out-stock']) cpSync(join(repoRoot, 'scenarios', id), join(root, 'scenarios', id), { recursive: true })
      expect((await findScenario(root, 'catalog-sold-out-stock')).dir).toBe(join(root, 'scenarios', 'catalog-sold-out-stock'))
      // A copy under another folder name: found by its id only through the whole catalogue, which refuses it.
      cpSync(join(root, 'scenarios', 'tutorial'), join(root, 'scenarios', 'tutorial-copy'), { recursive: true })
      await expect(listScenarios(root)).rejects.toThrow(/its id is "tutorial", but its folder is named "tutorial-copy"/)
      await expect(findScenario(root, 'tutorial-copy')).rejects.toThrow(BrokenScenarioError)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})

describe('loadScenario', () => {
  const copies: string[] = []
  afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

  function copyOf(id: string): string {
    const parent = mkdtempSync(join(tmpdir(), 'scenario-'))
    copies.push(parent)
    const dir = join(parent, id)
    cpSync(join(repoRoot, 'scenarios', id), dir, { recursive: true })
    return dir
  }

  it('explains which manifest field is wrong', async () => {
    const dir = copyOf('accounts-duplicate-signup')
    writeFileSync(join(dir, 'scenario.yaml'), 'id: Bad Id\ntitle: x\nservice: accounts\nbugClass: typo\ndifficulty: 9\ntimeLimitMinutes: 5\nhints: []\n')
    const error = (await loadScenario(dir).catch((e: unknown) => e)) as Error
    expect(error).toBeInstanceOf(BrokenScenarioError)
    expect(error.message).toMatch(/bugClass/)
    expect(error.message).toMatch(/hints/)
  })

  it('says which file is missing', async () => {
    const dir = copyOf('catalog-sold-out-stock')
    rmSync(join(dir, 'explanation.md'))
    await expect(loadScenario(dir)).rejects.toThrow(/explanation\.md is missing/)
  })

  it('refuses a hack whose note does not name its family', async () => {
    const dir = copyOf('tutorial')
    const [hack] = (await loadScenario(dir)).hacks
    writeFileSync(hack!.path, 'a wrong fix\n\ndiff --git a/x b/x\n')
    await expect(loadScenario(dir)).rejects.toThrow(/must start with "family: <family>"/)
  })

  it('reports YAML that does not parse', async () => {
    const dir = copyOf('orders-sticky-filters')
    writeFileSync(join(dir, 'scenario.yaml'), 'id: [unclosed\n')
    await expect(loadScenario(dir)).rejects.toThrow(/cannot be read/)
  })
})
