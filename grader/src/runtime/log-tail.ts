/** Keeps the last lines of a process's output. */
export class LogTail {
  #lines: string[] = []
  #partial = ''

  constructor(private readonly limit = 200) {}

  push(chunk: string | Buffer): void {
    const text = this.#partial + chunk.toString()
    const lines = text.split('\n')
    this.#partial = lines.pop() ?? ''
    for (const line of lines) if (line.trim()) this.#lines.push(line)
    if (this.#lines.length > this.limit) this.#lines.splice(0, this.#lines.length - this.limit)
  }

  lines(): string[] {
    return this.#partial.trim() ? [...this.#lines, this.#partial] : [...this.#lines]
  }
}
