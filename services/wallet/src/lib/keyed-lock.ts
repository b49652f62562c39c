/**
 * Runs work one at a time per key, in the order it arrived, within this process. Work on
 * different keys runs side by side. It does not replace a database lock (other instances do
 * not see it); it keeps a burst of requests for one key from each holding a pooled connection
 * while they wait for the same row lock.
 */
export interface KeyedLock {
  run<T>(key: string, work: () => Promise<T>): Promise<T>
  /** How many keys have work running or waiting. */
  readonly size: number
}

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>()

  async function acquire(key: string): Promise<() => void> {
    const previous = tails.get(key) ?? Promise.resolve()
    let release!: () => void
    const done = new Promise<void>((resolve) => {
      release = resolve
    })
    const tail = previous.then(() => done)
    tails.set(key, tail)
    await previous
    return () => {
      release()
      if (tails.get(key) === tail) tails.delete(key)
    }
  }

  return {
    async run(key, work) {
      const release = await acquire(key)
      try {
        return await work()
      } finally {
        release()
      }
    },
    get size() {
      return tails.size
    }
  }
}
