/** The longest line kept; the rest of a longer one is counted, not stored. */
const MAX_LINE_CHARS = 2_000

/**
 * Keeps the last lines of a process's output, in time linear in what it prints: a line longer
 * than MAX_LINE_CHARS is cut (saying by how much), so output without newlines costs nothing.
 */
export class LogTail {
  #lines: string[] = []
  #partial = ''
  #dropped = 0

  constructor(private readonly limit = 200) {}

  push(chunk: string | Buffer): void {
    const text = chunk.toString()
    let start = 0
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.#append(text.slice(start, end))
      this.#endLine()
      start = end + 1
    }
    this.#append(text.slice(start))
  }

  lines(): string[] {
    const partial = this.#current()
    const kept = this.#lines.slice(-this.limit)
    return partial.trim() ? [...kept, partial] : kept
  }

  #append(piece: string): void {
    const room = MAX_LINE_CHARS - this.#partial.length
    if (piece.length <= room) this.#partial += piece
    else {
      this.#partial += piece.slice(0, Math.max(0, room))
      this.#dropped += piece.length - Math.max(0, room)
    }
  }

  #current(): string {
    return this.#dropped ? `${this.#partial}… (${this.#dropped} more characters)` : this.#partial
  }

  #endLine(): void {
    const line = this.#current()
    this.#partial = ''
    this.#dropped = 0
    if (!line.trim()) return
    this.#lines.push(line)
    if (this.#lines.length > this.limit * 2) this.#lines.splice(0, this.#lines.length - this.limit)
  }
}
