import { spawn, type ChildProcess } from 'node:child_process'

export interface GuardedProcess {
  pid: number
  /** Asked first; SIGKILL follows after a grace period. */
  signal: NodeJS.Signals
  /** Signal the process group the process leads (one started with `detached: true`). */
  group?: boolean
  /** Removed once the process is gone. */
  removeDir?: string
}

/** A command that removes what no process of this machine holds, such as `docker rm -f <id>`. */
export interface GuardedCommand {
  command: [string, ...string[]]
}

const GRACE_MS = 5_000

/**
 * The guardian, run by `node -e`: it holds what its owner asked it to guard, and when the IPC
 * channel to the owner closes with some still held (the owner was killed, crashed or ran out of
 * memory), it signals them, kills what is still there after the grace period, and removes their
 * folders. Ctrl-C and SIGTERM reach it with its owner's process group; it stays for the owner to
 * stop things the normal way, and goes when the channel closes.
 */
const GUARDIAN = `
const { rmSync } = require('node:fs')
const { spawnSync } = require('node:child_process')
const held = new Map()
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {})
process.on('message', (message) => {
  if (message.guard) held.set(message.guard.id, message.guard)
  else held.delete(message.release)
})
const signal = (target, name) => { try { process.kill(target.group ? -target.pid : target.pid, name) } catch {} }
const alive = (target) => { try { process.kill(target.pid, 0); return true } catch (error) { return error.code === 'EPERM' } }
process.on('disconnect', () => {
  const targets = [...held.values()].filter((target) => target.pid)
  const commands = [...held.values()].filter((target) => target.command)
  targets.forEach((target) => signal(target, target.signal))
  const deadline = Date.now() + ${GRACE_MS}
  const finish = () => {
    const left = targets.filter(alive)
    if (left.length && Date.now() < deadline) return setTimeout(finish, 50)
    // A group's leader may be gone while what it started is not.
    targets.filter((target) => target.group || alive(target)).forEach((target) => signal(target, 'SIGKILL'))
    for (const target of targets) if (target.removeDir) try { rmSync(target.removeDir, { recursive: true, force: true }) } catch {}
    for (const { command } of commands.reverse()) spawnSync(command[0], command.slice(1), { stdio: 'ignore', timeout: 30000 })
    process.exit(0)
  }
  finish()
})
`

let guardian: ChildProcess | undefined
let nextId = 1

function startGuardian(): ChildProcess {
  // The last argument names it in `ps`.
  const child = spawn(process.execPath, ['-e', GUARDIAN, 'drill-guardian'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], env: guardianEnvironment() })
  child.on('error', () => undefined)
  child.on('exit', () => {
    if (guardian === child) guardian = undefined
  })
  // Neither the guardian nor its channel keeps this process alive.
  child.unref()
  child.channel?.unref()
  return child
}

/**
 * What its commands need (the docker CLI finds its daemon through HOME and DOCKER_*), and the
 * tag by which whoever runs drill under supervision (a test run) finds it with the rest.
 */
function guardianEnvironment(): NodeJS.ProcessEnv {
  const kept = Object.entries(process.env).filter(([name]) => ['PATH', 'HOME', 'DRILL_OWNER'].includes(name) || name.startsWith('DOCKER_'))
  return Object.fromEntries(kept)
}

/**
 * Makes sure `target` does not outlive this process when it dies without stopping it (`kill -9`,
 * a crash): one small guardian process per owner, started on first use, stops it then (a
 * command runs after every process is stopped, the last one guarded first). Call the returned function once the target is
 * stopped the normal way. Not on Windows, where drill runs in WSL.
 */
export function guardAgainstOwnerDeath(target: GuardedProcess | GuardedCommand): () => void {
  if (process.platform === 'win32') return () => undefined
  guardian ??= startGuardian()
  const id = nextId++
  const held = guardian
  const send = (message: object) => {
    if (held.connected) held.send(message, (error: Error | null) => error && undefined)
  }
  send({ guard: { id, ...target } })
  return () => send({ release: id })
}
