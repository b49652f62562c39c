import { execFile } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { prismaGenerate } from '@debug-drills/prisma-offline'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadScenario } from '../src/scenarios/load-scenarios.js'
import { runDrill, tempCheckout, type TempCheckout } from '@debug-drills/test-support'

let checkout: TempCheckout
const drill = (...args: string[]) => runDrill(args, { cwd: checkout.root })

beforeAll(() => {
  checkout = tempCheckout()
})
afterAll(() => checkout[Symbol.dispose]())

describe('drill new scenario', () => {
  it('scaffolds every file of the authoring guide, loading as a scenario, and says what comes next', async () => {
    const made = await drill('new', 'scenario', 'catalog-negative-price', '--service', 'catalog', '--bug-class', 'type-coercion')
    expect(made.exitCode).toBe(0)
    expect(made.stdout).toMatch(/git diff > scenarios\/catalog-negative-price\/bug\.patch/)
    expect(made.stdout).toMatch(/npx drill validate catalog-negative-price/)
    const dir = join(checkout.root, 'scenarios', 'catalog-negative-price')
    for (const file of ['scenario.yaml', 'ticket.md', 'explanation.md', 'bug.patch', 'fix.patch', 'tests/regression.test.ts', 'tests/invariant.test.ts']) {
      expect(existsSync(join(dir, file)), file).toBe(true)
    }
    for (const folder of ['alternatives', 'hacks']) expect(statSync(join(dir, folder)).isDirectory()).toBe(true)

    const scenario = await loadScenario(dir)
    expect(scenario).toMatchObject({ id: 'catalog-negative-price', service: 'catalog', bugClass: 'type-coercion', alternatives: [], hacks: [] })
    expect(scenario.hints).toHaveLength(3)
    expect(readFileSync(join(dir, 'scenario.yaml'), 'utf8')).toContain('TODO')
    const explanation = readFileSync(join(dir, 'explanation.md'), 'utf8')
    for (const section of ['# What the bug was', '## Why it hid', '## The step that finds it fastest', '## How to prevent it']) expect(explanation).toContain(section)
    expect(readFileSync(join(dir, 'tests', 'regression.test.ts'), 'utf8')).toMatch(/from '@debug-drills\/drill-kit'/)

    // The rest of the CLI sees it as a drill.
    const list = JSON.parse((await drill('list', '--json')).stdout) as { id: string }[]
    expect(list.map((entry) => entry.id)).toContain('catalog-negative-price')
  })

  it('refuses an invalid id, a taken id, an unknown service and a missing --service, each saying what to do', async () => {
    const invalid = await drill('new', 'scenario', 'Catalog_Price', '--service', 'catalog')
    expect(invalid.exitCode).toBe(2)
    expect(invalid.stderr).toMatch(/"Catalog_Price" cannot be a scenario id: use lower-case words joined by hyphens/)
    const taken = await drill('new', 'scenario', 'catalog-sold-out-stock', '--service', 'catalog')
    expect(taken.exitCode).toBe(2)
    expect(taken.stderr).toMatch(/scenarios\/catalog-sold-out-stock already exists\. Choose another id/)
    const unknown = await drill('new', 'scenario', 'catalgo-price', '--service', 'catalgo')
    expect(unknown.exitCode).toBe(2)
    expect(unknown.stderr).toMatch(/There is no service "catalgo" to write the drill for\. Services: accounts, billing, catalog, greetings, notifications, orders, wallet\./)
    const missing = await drill('new', 'scenario', 'catalog-price')
    expect(missing.stderr).toMatch(/Say which service the drill is for: `drill new scenario catalog-price --service <name>`/)
    const kind = await drill('new', 'drill', 'x')
    expect(kind.stderr).toMatch(/`drill new` makes a scenario or a service, not "drill"/)
    expect(existsSync(join(checkout.root, 'scenarios', 'catalgo-price'))).toBe(false)
  })
})

describe('drill new service', () => {
  it('scaffolds a service that generates, type-checks, lints and passes its own tests', async () => {
    const made = await drill('new', 'service', 'gift-cards')
    expect(made.exitCode).toBe(0)
    expect(made.stdout).toMatch(/Created services\/gift-cards\/ \(port 3008\)/)
    expect(made.stdout).toMatch(/npm run generate/)
    const dir = join(checkout.root, 'services', 'gift-cards')
    for (const file of [
      'package.json', 'tsconfig.json', 'tsconfig.build.json', 'eslint.config.js', 'vitest.config.ts', 'prisma.config.ts', 'prisma/schema.prisma',
      'prisma/migrations/migration_lock.toml', 'prisma/seed.ts', 'src/app.ts', 'src/config.ts', 'src/server.ts', 'src/plugins/prisma.ts',
      'src/routes/items.ts', 'src/schemas/items.ts', 'test/helper.ts', 'test/global-setup.ts', 'test/items.test.ts', '.env.example', 'README.md'
    ]) {
      expect(existsSync(join(dir, file)), file).toBe(true)
    }
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toMatch(/^PORT=3008$/m)
    expect(readFileSync(join(dir, '.env.example'), 'utf8')).toMatch(/^API_KEYS=\S+:\S+$/m)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { scripts: Record<string, string>; dependencies: Record<string, string> }
    const accounts = JSON.parse(readFileSync(join(checkout.root, 'services', 'accounts', 'package.json'), 'utf8')) as typeof manifest
    expect(manifest.scripts).toEqual(accounts.scripts)
    expect(manifest.dependencies.fastify).toBe(accounts.dependencies.fastify)

    const generated = await prismaGenerate({ cwd: dir })
    expect(generated.exitCode, generated.output).toBe(0)
    // The workspace's node_modules already holds every dependency, so no `npm install` is needed here.
    for (const script of ['typecheck', 'lint', 'test']) {
      const result = await promisify(execFile)('npm', ['run', script], { cwd: dir }).catch((error: { stdout: string; stderr: string }) => error)
      expect('code' in result ? `${result.stdout}\n${result.stderr}` : 'ok', `npm run ${script}`).toBe('ok')
    }

    const again = await drill('new', 'service', 'gift-cards')
    expect(again.stderr).toMatch(/services\/gift-cards already exists/)
    const invalid = await drill('new', 'service', 'Gift Cards')
    expect(invalid.stderr).toMatch(/"Gift Cards" cannot be a service name/)
    const port = await drill('new', 'service', 'vouchers', '--port', '3005')
    expect(port.stderr).toMatch(/Port 3005 is already the port of another service's \.env\.example/)
  })
})
