import { execFileSync } from 'node:child_process'
import { userInfo } from 'node:os'

export interface RunAs {
  uid: number
  gid: number
}

/**
 * PostgreSQL refuses to run as root. As root (containers, CI) it runs as the `postgres`
 * user when there is one, else as `nobody`; as anyone else it runs as that user.
 */
export function postgresRunAs(): RunAs | undefined {
  if (userInfo().uid !== 0) return undefined
  for (const name of ['postgres', 'nobody']) {
    try {
      const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim())
      const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim())
      return { uid, gid }
    } catch {
      // no such user: try the next one
    }
  }
  throw new Error('PostgreSQL cannot run as root and this machine has neither a `postgres` nor a `nobody` user.')
}
