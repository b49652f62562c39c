import { formatAmount, formatDate } from './formatting.js'
import { InvalidVariableError, MissingVariableError } from './errors.js'

export type Variables = Record<string, string | number>

/** `{{name}}`, `{{total|money}}` (cents, as money in the recipient's locale) or `{{due|date}}` (YYYY-MM-DD). */
const PLACEHOLDER = /\{\{\s*([a-zA-Z][a-zA-Z0-9_]*)\s*(?:\|\s*(money|date)\s*)?\}\}/g
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

export interface RenderContext {
  locale: string
  /** The currency of `|money` placeholders. */
  currency: string
}

/** The names a template's text needs, each once, in order of appearance. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]!))]
}

/** Fills a template's text in; every placeholder must have its variable. */
export function render(templateKey: string, text: string, variables: Variables, context: RenderContext): string {
  const missing = placeholders(text).filter((name) => !(name in variables))
  if (missing.length > 0) throw new MissingVariableError(templateKey, missing)
  return text.replace(PLACEHOLDER, (_match, name: string, filter: 'money' | 'date' | undefined) => {
    const value = variables[name]!
    if (filter === 'money') {
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new InvalidVariableError(name, 'a whole number of cents')
      return formatAmount(value, { locale: context.locale, currency: context.currency })
    }
    if (filter === 'date') {
      if (typeof value !== 'string' || !ISO_DATE.test(value)) throw new InvalidVariableError(name, 'a date written YYYY-MM-DD')
      return formatDate(value, context.locale)
    }
    return String(value)
  })
}
