import { required } from './environment.js'

// mulberry32: small, fast and good enough to vary test data; the seed is printed in every report.
function generator(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const WORDS = ['amber', 'birch', 'cobalt', 'delta', 'ember', 'fjord', 'garnet', 'harbor', 'indigo', 'juniper', 'kestrel', 'lumen', 'maple', 'nimbus', 'onyx', 'pebble', 'quartz', 'raven', 'sierra', 'tundra', 'umber', 'vesper', 'willow', 'xenon', 'yarrow', 'zephyr']

let next: (() => number) | undefined

/** Each test file runs in a process of its own: mix its name into the seed so files draw different data. */
function fileSeed(): number {
  let hash = Number(required('DRILL_SEED')) >>> 0
  for (const char of process.argv[1] ?? '') hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0
  return hash
}

function unit(): number {
  next ??= generator(fileSeed())
  return next()
}

/** Seeded random data: a run is reproducible from the seed in its report. */
export const random = {
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(unit() * (max - min + 1))
  },
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(unit() * items.length)]
    if (item === undefined) throw new Error('random.pick needs at least one item')
    return item
  },
  word(): string {
    return random.pick(WORDS)
  },
  /** A token unique within a run: words plus a counter-free random suffix. */
  token(): string {
    return `${random.word()}-${random.int(100_000, 999_999)}`
  },
  email(): string {
    return `${random.word()}.${random.token()}@example.com`
  },
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(unit() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  }
}
