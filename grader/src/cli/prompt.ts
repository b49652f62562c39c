import { createInterface } from 'node:readline/promises'

/**
 * Asks a yes/no question on the terminal; no is the default. Returns undefined when nobody can
 * answer (stdin is not a terminal), so the caller can say which flag answers it instead.
 */
export async function confirm(question: string, signal: AbortSignal): Promise<boolean | undefined> {
  if (!process.stdin.isTTY) return undefined
  const readline = createInterface({ input: process.stdin, output: process.stdout })
  try {
    const answer = await readline.question(`${question} [y/N] `, { signal })
    return /^y(es)?$/i.test(answer.trim())
  } finally {
    readline.close()
  }
}
