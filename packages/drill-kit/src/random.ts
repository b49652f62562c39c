import { required } from './environment.js'
import {
  CATEGORY_AREAS,
  CATEGORY_KINDS,
  CITIES,
  COMPANY_NAMES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  PRODUCT_ADJECTIVES,
  PRODUCT_NOUNS,
  SKU_PREFIXES
} from './pools.js'

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

let next: (() => number) | undefined

/**
 * The run's data depends on the seed alone (never on a path, a clock or the runtime), so
 * `drill check --seed N` draws the same data wherever it runs.
 */
function unit(): number {
  next ??= generator(Number(required('DRILL_SEED')))
  return next()
}

const taken = new Set<string>()

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

/** Seeded random data that looks like real customers' data: a run is reproducible from the seed in its report. */
export const random = {
  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(unit() * (max - min + 1))
  },
  /** True with the given probability. */
  chance(probability = 0.5): boolean {
    return unit() < probability
  },
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(unit() * items.length)]
    if (item === undefined) throw new Error('random.pick needs at least one item')
    return item
  },
  /** `count` different items of `items`, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    if (count > items.length) throw new Error(`random.sample cannot take ${count} of ${items.length} items`)
    return random.shuffle(items).slice(0, count)
  },
  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items]
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(unit() * (i + 1))
      ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
    }
    return copy
  },
  /**
   * A value `make` draws that this run has not drawn before through `unique`: realistic
   * values repeat across a pool, and two tests must not collide on a key.
   */
  unique<T extends string>(make: () => T): T {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const value = make()
      if (!taken.has(value)) {
        taken.add(value)
        return value
      }
    }
    throw new Error('random.unique: the pool is exhausted; draw from a larger one')
  },
  firstName(): string {
    return random.pick(FIRST_NAMES)
  },
  lastName(): string {
    return random.pick(LAST_NAMES)
  },
  fullName(): string {
    return `${random.firstName()} ${random.lastName()}`
  },
  company(): string {
    return random.pick(COMPANY_NAMES)
  },
  city(): string {
    return random.pick(CITIES)
  },
  /** A unique e-mail address in one of several real-world shapes and domains. */
  email(): string {
    return random.unique(() => {
      const first = slug(random.firstName())
      const last = slug(random.lastName())
      const local = random.pick([
        `${first}.${last}`,
        `${first}${last.slice(0, 1)}`,
        `${first.slice(0, 1)}${last}`,
        `${first}_${last}${random.int(1, 99)}`,
        `${last}.${first}`,
        `${first}${random.int(1970, 2005)}`
      ])
      return `${local}@${random.pick(EMAIL_DOMAINS)}`
    })
  },
  /** A unique SKU such as `MUG-4821-BL`. */
  sku(): string {
    return random.unique(() => `${random.pick(SKU_PREFIXES)}-${random.int(1000, 9999)}${random.chance() ? `-${random.pick(['BL', 'RD', 'GR', 'XL', 'S', 'M', 'L', 'NAT'])}` : ''}`)
  },
  /** A product name such as "Waxed canvas tote". */
  productName(): string {
    const noun = random.pick(PRODUCT_NOUNS)
    return random.chance(0.3) ? `${random.pick(PRODUCT_ADJECTIVES)} ${random.pick(PRODUCT_ADJECTIVES).toLowerCase()} ${noun}` : `${random.pick(PRODUCT_ADJECTIVES)} ${noun}`
  },
  /** A unique catalogue category such as `kitchen-tableware`. */
  category(): string {
    return random.unique(() => `${random.pick(CATEGORY_AREAS)}-${random.pick(CATEGORY_KINDS)}`)
  },
  /** A price or amount in cents, mostly ordinary, sometimes large. */
  cents(min = 99, max = 250_000): number {
    return random.chance(0.8) ? random.int(min, Math.min(max, 20_000)) : random.int(min, max)
  },
  /** A short word, for free text such as descriptions. */
  word(): string {
    return random.pick(PRODUCT_NOUNS).split(' ')[0]!
  }
}
