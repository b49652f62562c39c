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

/** Every process's parent and CPU ticks so far: one read of /proc/<pid>/stat each. */
function snapshot() {
  const processes = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'latin1')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      processes.set(Number(entry), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) })
    } catch {
      // gone between the listing and the read
    }
  }
  return processes
}

/** A process's command line, or its name once it has exited (its command line is empty then). */
function commandOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replaceAll('\0', ' ').trim() || readFileSync(`/proc/${pid}/comm`, 'latin1').trim()
  } catch {
    return ''
  }
}

/**
 * Samples `rootPid` and its descendants every `intervalMs` until stop() is called; stop() answers
 * the CPU milliseconds by kind. A process that exits between two samples loses what it used after
 * the last one, so short-lived ones are undercounted by at most one interval each. The sampler's
 * own CPU is in the caller's process, not in what it answers.
 */
export function sampleCpu(rootPid, intervalMs = 50) {
  const seen = new Map() // pid → { ticks, command }
  const sample = () => {
    const processes = snapshot()
    const children = new Map()
    for (const [pid, { parent }] of processes) {
      const siblings = children.get(parent)
      if (siblings) siblings.push(pid)
      else children.set(parent, [pid])
    }
    const stack = [rootPid]
    while (stack.length) {
      const pid = stack.pop()
      const found = processes.get(pid)
      if (found) {
        // A command line is read once, while the process runs (a process that execs keeps its first: node
        // wrappers and the binaries they start are told apart by their own pids).
        const known = seen.get(pid)
        seen.set(pid, { ticks: Math.max(found.ticks, known?.ticks ?? 0), command: known?.command || commandOf(pid) })
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
