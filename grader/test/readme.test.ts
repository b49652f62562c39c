import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { listScenarios } from '../src/scenarios/load-scenarios.js'
import { DIFFICULTY_NAMES } from '../src/scenarios/manifest-schema.js'
import { repoRoot } from './support/temp-checkout.js'

it("the README's drill table lists every drill as its manifest says, and names no bug class", async () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const table = readme.slice(readme.indexOf('<!-- drills-table'), readme.indexOf('\n\n', readme.indexOf('<!-- drills-table')))
  const rows = table
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, id, title, service, difficulty]) => ({ id: id?.replaceAll('`', ''), title: title?.replace(/ \(start here\)$/, ''), service, difficulty }))
  const scenarios = await listScenarios(repoRoot)
  expect(rows.map((row) => row.id).sort()).toEqual(scenarios.map((scenario) => scenario.id).sort())
  for (const scenario of scenarios) {
    expect(rows.find((row) => row.id === scenario.id)).toEqual({
      id: scenario.id,
      title: scenario.title,
      service: scenario.service,
      difficulty: scenario.tutorial ? 'tutorial' : DIFFICULTY_NAMES[scenario.difficulty]
    })
  }
  expect(table).not.toMatch(/coercion|await|stale|environment|mismatch/i)
})
