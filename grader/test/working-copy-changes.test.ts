import { appendFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isGradedSource, workingCopyChanges } from '../src/workspace/working-copy-changes.js'
import { pristineBase } from '../src/workspace/pristine-base.js'
import { tempCheckout } from '@debug-drills/test-support'

describe('isGradedSource', () => {
  it('grades src/ and nothing else: not generated code, not tests', () => {
    expect(isGradedSource('src/plugins/accounts-repository.ts')).toBe(true)
    expect(isGradedSource('src/generated/prisma/client.ts')).toBe(false)
    expect(isGradedSource('src/routes/accounts.test.ts')).toBe(false)
    expect(isGradedSource('test/accounts.test.ts')).toBe(false)
    expect(isGradedSource('prisma/migrations/20260310090000_init/migration.sql')).toBe(false)
    expect(isGradedSource('.env.example')).toBe(false)
  })
})

describe('workingCopyChanges', () => {
  it('separates source edits (graded) from edits elsewhere (ignored), committed or not', async () => {
    using checkout = tempCheckout()
    const service = join(checkout.root, 'services', 'greetings')
    appendFileSync(join(service, 'src', 'domain', 'render-greeting.ts'), '\n// touched\n')
    writeFileSync(join(service, 'src', 'domain', 'new-helper.ts'), 'export const x = 1\n')
    appendFileSync(join(service, 'prisma', 'migrations', '20261126090000_init', 'migration.sql'), '\n-- edited\n')
    appendFileSync(join(service, 'test', 'greetings.test.ts'), '\n// edited\n')
    checkout.git('add', '-A')
    checkout.git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'trainee commit')
    appendFileSync(join(service, '.env.example'), 'EXTRA=1\n')

    const base = await pristineBase(checkout.root)
    expect(base).toBe(checkout.git('rev-parse', 'origin/main').trim())
    appendFileSync(join(checkout.root, 'scenarios', 'tutorial', 'scenario.yaml'), '\n# edited\n')
    appendFileSync(join(checkout.root, 'packages', 'drill-kit', 'src', 'checks.ts'), '\n// edited\n')
    appendFileSync(join(checkout.root, 'services', 'catalog', 'src', 'app.ts'), '\n// another service: not an input of this check\n')
    expect(await workingCopyChanges(checkout.root, base, 'greetings', 'tutorial')).toEqual({
      source: ['src/domain/new-helper.ts', 'src/domain/render-greeting.ts'],
      ignored: [
        'packages/drill-kit/src/checks.ts',
        'scenarios/tutorial/scenario.yaml',
        'services/greetings/.env.example',
        'services/greetings/prisma/migrations/20261126090000_init/migration.sql',
        'services/greetings/test/greetings.test.ts'
      ]
    })
  })
})
