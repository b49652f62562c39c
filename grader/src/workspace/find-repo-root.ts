import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { UsageError } from '../errors.js'

/** The Debug Drills checkout that contains `from`: the folder with `scenarios/` and `services/`. */
export function findRepoRoot(from = process.cwd()): string {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'scenarios')) && existsSync(join(dir, 'services'))) return dir
    const parent = dirname(dir)
    if (parent === dir) {
      throw new UsageError(
        `No Debug Drills checkout around ${from}: run drill from inside the cloned repository (the folder with scenarios/ and services/).`
      )
    }
    dir = parent
  }
}
