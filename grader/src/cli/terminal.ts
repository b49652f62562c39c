import { createSpinner } from 'nanospinner'
import pc from 'picocolors'

export type Colors = ReturnType<typeof pc.createColors>

/** Where commands write: colour and spinners on a terminal, plain lines when piped or with NO_COLOR. */
export interface Terminal {
  colors: Colors
  interactive: boolean
  line(text?: string): void
  error(text: string): void
  /** Shows a step in progress; returns a function that ends it. */
  progress(text: string): (outcome?: 'ok' | 'fail') => void
}

export function createTerminal(stream: NodeJS.WriteStream = process.stdout): Terminal {
  const interactive = Boolean(stream.isTTY) && !process.env.CI
  const colors = pc.createColors(Boolean(stream.isTTY) && !('NO_COLOR' in process.env))
  return {
    colors,
    interactive,
    line: (text = '') => stream.write(`${text}\n`),
    error: (text) => process.stderr.write(`${text}\n`),
    progress(text) {
      if (!interactive) {
        stream.write(`${colors.dim(`${text}…`)}\n`)
        return () => undefined
      }
      const spinner = createSpinner(text, { stream }).start()
      return (outcome = 'ok') => {
        if (outcome === 'ok') spinner.success()
        else spinner.error()
      }
    }
  }
}
