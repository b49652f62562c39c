import { readFileSync, writeFileSync } from 'node:fs'

/** Replaces one exact piece of a file, failing loudly if it is not there (the test is then out of date). */
export function replaceInFile(path: string, from: string, to: string): void {
  const text = readFileSync(path, 'utf8')
  if (!text.includes(from)) throw new Error(`${path} no longer contains ${JSON.stringify(from)}`)
  writeFileSync(path, text.replace(from, to))
}
