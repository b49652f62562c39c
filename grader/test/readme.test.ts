import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { renderReadmeSections, replaceSections } from '../src/scenarios/readme-tables.js'
import { listScenarios } from '../src/scenarios/load-scenarios.js'
import { repoRoot } from '@debug-drills/test-support'

it("the README's drill table and tracks are the manifests' (npm run readme), and name no bug class", async () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const sections = await renderReadmeSections(repoRoot)
  expect(replaceSections(readme, sections), 'README.md is out of step with the manifests: run `npm run readme`').toBe(readme)
  const scenarios = await listScenarios(repoRoot)
  for (const scenario of scenarios) expect(sections.drills).toContain(`| \`${scenario.id}\` | ${scenario.title}`)
  expect(sections.drills.split('\n').filter((line) => line.startsWith('| `'))).toHaveLength(scenarios.length)
  // A track names its theme by design; the rest of a row must not name the kind of bug.
  const rowsWithoutTracks = sections.drills.split('\n').map((line) => line.split('|').slice(0, 5).join('|'))
  expect(rowsWithoutTracks.join('\n')).not.toMatch(/coercion|await|stale|environment|mismatch|off-by-one|null|race|leak|idempoten|rounding/i)
})

it('a manifest change shows as a README out of step', async () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8')
  const sections = await renderReadmeSections(repoRoot)
  const changed = { ...sections, drills: sections.drills.replace('| tutorial |', '| easy |') }
  expect(replaceSections(readme, changed)).not.toBe(readme)
  expect(() => replaceSections('no markers here', sections)).toThrow(/lacks the markers <!-- drills:start -->/)
})
