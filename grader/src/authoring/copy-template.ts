import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `grader/templates/`, from the sources and from the build alike. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url))

const PLACEHOLDER = /\{\{([\w:@/.-]+)\}\}/g

/** Replaces every `{{key}}`; a key without a value is a mistake in the template, not a blank. */
export function fillTemplate(text: string, values: Record<string, string>, where: string): string {
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const value = values[key]
    if (value === undefined) throw new Error(`The template ${where} uses {{${key}}}, which has no value.`)
    return value
  })
}

/**
 * Copies `templates/<template>/` to `target`: every `*.tmpl` file, with `{{key}}` filled in
 * its path and its text and `.tmpl` dropped. Returns the written paths, relative to `target`.
 */
export async function copyTemplate(template: string, target: string, values: Record<string, string>): Promise<string[]> {
  const source = join(TEMPLATES_DIR, template)
  const files = (await readdir(source, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile() && entry.name.endsWith('.tmpl'))
  const written: string[] = []
  for (const file of files) {
    const from = join(file.parentPath, file.name)
    const path = fillTemplate(relative(source, from).slice(0, -'.tmpl'.length), values, from)
    const to = join(target, path)
    await mkdir(dirname(to), { recursive: true })
    await writeFile(to, fillTemplate(await readFile(from, 'utf8'), values, from), { flag: 'wx' })
    written.push(path)
  }
  return written.sort()
}
