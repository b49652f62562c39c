/** Stops what was started, last first, whatever happened; the first cleanup error is rethrown after all ran. */
export class CleanupStack implements AsyncDisposable {
  #cleanups: (() => PromiseLike<unknown>)[] = []

  defer(cleanup: () => PromiseLike<unknown>): void {
    this.#cleanups.push(cleanup)
  }

  /** Hands every cleanup to a new stack, for an owner that outlives this scope. */
  move(): CleanupStack {
    const moved = new CleanupStack()
    moved.#cleanups = this.#cleanups
    this.#cleanups = []
    return moved
  }

  async [Symbol.asyncDispose](): Promise<void> {
    let failure: unknown
    for (const cleanup of this.#cleanups.reverse()) {
      try {
        await cleanup()
      } catch (error) {
        failure ??= error
      }
    }
    this.#cleanups = []
    if (failure) throw failure
  }
}
