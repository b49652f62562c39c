import { describe, expect, it } from 'vitest'
import { UsageError } from '../src/errors.js'
import { loadWorkshopCommands } from '../src/cli/plugins.js'

describe('commands run by a plugin package', () => {
  it('says in one paragraph what to run when the package is not installed', async () => {
    const refused = await loadWorkshopCommands('serve', '@debug-drills/no-such-workshop').catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(UsageError)
    expect((refused as Error).message).toMatch(/^`drill serve` is part of the workshop server, the package @debug-drills\/no-such-workshop .* which is not installed or not built here: run `npm install` and then `npx turbo run build --filter=@debug-drills\/no-such-workshop`/)
    expect((refused as Error).message).not.toMatch(/\n/)
  })
})
