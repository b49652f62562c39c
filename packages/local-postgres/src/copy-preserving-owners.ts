import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

/**
 * `cp -a`: keeps owners and modes, which PostgreSQL checks on its data directory and which a
 * root-made copy of its installation needs (`fs.cp` does not keep them when running as root).
 */
export async function copyPreservingOwners(from: string, to: string): Promise<void> {
  await promisify(execFile)('cp', ['-a', from, to])
}
