// Where a check's CPU goes (Linux only): polls /proc while a process runs and adds up the CPU
// time of it and every process it starts, by what they are. On a machine whose cores are busy,
// CPU per check, not wall time, bounds how many checks an hour it can grade (validation, a
// workshop's queue).
import { readdirSync, readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ, 100 on every Linux Node runs on

/** What a process is, from its command line (or name, once it has exited). */
const KINDS = [
  ['PostgreSQL', /postgres|pg_ctl|initdb/],
  ['type-check (tsc)', /typescript-native|\btsc\b/],
  ['bundle (esbuild)', /esbuild/],
  ['hidden tests', /--test-reporter|drill-tests-|hidden\.test/],
  ['service', /server\.mjs|^node$/],
  ['drill (grader)', /drill\.js/],
  ['Docker (containerd, runc)', /containerd|runc|docker/]
]

function kindOf(command) {
  return KINDS.find(([, pattern]) => pattern.test(command))?.[0] ?? 'other'
}

function snapshot() {
  const processes = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      let command = readFileSync(`/proc/${entry}/cmdline`, 'latin1').replaceAll('\0', ' ').trim()
      if (!command) command = readFileSync(`/proc/${entry}/comm`, 'latin1').trim()
      processes.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), command })
    } catch {
      // gone between the listing and the read
    }
  }
  return processes
}

/**
 * Samples `rootPid` and its descendants every `intervalMs` until stop() is called; stop() answers
 * the CPU milliseconds by kind. A process that exits between two samples loses what it used after
 * the last one, so short-lived ones are undercounted by at most one interval each.
 */
export function sampleCpu(rootPid, intervalMs = 20) {
  const seen = new Map() // pid → { ticks, command }
  const sample = () => {
    const processes = snapshot()
    const children = new Map()
    for (const [pid, { parent }] of processes) children.set(parent, [...(children.get(parent) ?? []), pid])
    const stack = [rootPid]
    while (stack.length) {
      const pid = stack.pop()
      const found = processes.get(pid)
      if (found) {
        const before = seen.get(pid)
        // A command line read after exit is empty: keep the one seen while it ran.
        seen.set(pid, { ticks: Math.max(found.ticks, before?.ticks ?? 0), command: before && found.command.length < 16 && !found.command.includes(' ') ? before.command : found.command })
      }
      stack.push(...(children.get(pid) ?? []))
    }
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      const byKind = {}
      for (const { ticks, command } of seen.values()) {
        const kind = kindOf(command)
        byKind[kind] = (byKind[kind] ?? 0) + (ticks * 1000) / TICKS_PER_SECOND
      }
      return byKind
    }
  }
}

/** Whether this machine has the /proc the sampler reads. */
export const cpuSamplingWorks = process.platform === 'linux'
