import type { Colors } from './terminal.js'

/** "7 min 05 s", "1 h 02 min", "42 s": how long a drill has taken. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  const hours = Math.floor(seconds / 3600)
  const minutes = Math.floor((seconds % 3600) / 60)
  if (hours) return `${hours} h ${String(minutes).padStart(2, '0')} min`
  if (minutes) return `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`
  return `${seconds} s`
}

/** Markdown for a terminal: headings in bold, inline code highlighted, everything else as written. */
export function renderMarkdown(markdown: string, c: Colors): string[] {
  let fenced = false
  return markdown
    .trimEnd()
    .split('\n')
    .map((line) => {
      if (line.startsWith('```')) {
        fenced = !fenced
        return c.dim(line)
      }
      if (fenced) return c.cyan(line)
      const heading = /^#{1,6}\s+(.*)$/.exec(line)
      if (heading) return c.bold(heading[1] ?? '')
      return line.replace(/`([^`]+)`/g, (_, code: string) => c.cyan(code)).replace(/\*\*([^*]+)\*\*/g, (_, bold: string) => c.bold(bold))
    })
}

/** `text` cut to at most `max` characters, with an ellipsis where it was cut. */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
