import { check, database, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export interface Language {
  code: string
  formal: string
  casual: string
}

export interface Greeting {
  language: string
  text: string
}

const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'sv', 'pl', 'tr', 'da', 'fi', 'cs', 'ro', 'el'] as const
const REGIONS = ['GB', 'US', 'CA', 'AU', 'IE', 'NZ', 'ZA', 'IN', 'FR', 'BE', 'CH', 'DE', 'AT', 'ES', 'MX', 'AR', 'BR', 'PT', 'NL', 'SE'] as const

const FORMAL = [
  'Good morning, {name}.',
  'Good afternoon, {name}.',
  'Good evening, {name}.',
  'Dear {name}, welcome.',
  'Welcome back, {name}.',
  'A pleasure to see you, {name}.',
  'Greetings, {name}. How may we help?'
] as const
const CASUAL = ['Hi {name}!', 'Hey {name}!', 'Hiya {name}!', 'Howdy, {name}!', 'Hey there, {name}!', 'Morning, {name}!', '{name}! Good to see you, {name}!'] as const

/** A regional language tag no other test of this run uses, such as `pt-BR` or `en-NZ`. */
export function languageCode(): string {
  return random.unique(() => `${random.pick(LANGUAGES)}-${random.pick(REGIONS)}`)
}

/** A well-formed tag that no test saves (numeric regions such as `es-419`). */
export function unknownLanguageCode(): string {
  return random.unique(() => `${random.pick(LANGUAGES)}-${random.int(100, 999)}`)
}

/** Saves a language under a new code, with a formal and a casual template that differ. */
export async function saveLanguage(code = languageCode(), casual: string = random.pick(CASUAL)): Promise<Language> {
  const formal = random.pick(FORMAL)
  const response = await service.put<Language>(`/languages/${code}`, { formal, casual })
  check(response.status === 200, `PUT /languages/${code} returned ${response.status}, expected 200. Response body: ${response.text}`)
  return { code, formal, casual }
}

/** Saves `count` languages whose casual templates all differ, as real languages' greetings do. */
export async function saveLanguages(count: number): Promise<Language[]> {
  const saved: Language[] = []
  for (const casual of random.sample(CASUAL, count)) saved.push(await saveLanguage(languageCode(), casual))
  return saved
}

/** What a template says to this person. */
export function filledIn(template: string, name: string): string {
  return template.replaceAll('{name}', name)
}

/** GET /greetings/<code>?name=<name>[&formal=<formal>] */
export function greet(code: string, name: string, formal?: 'true' | 'false'): Promise<ServiceResponse<Greeting>> {
  const query = new URLSearchParams({ name, ...(formal === undefined ? {} : { formal }) })
  return service.get<Greeting>(`/greetings/${code}?${query}`)
}

/** Asks for a greeting and insists on its text, saying which of the two it got. */
export async function expectGreeting(language: Language, name: string, formal: 'true' | 'false' | undefined, wanted: 'formal' | 'casual'): Promise<void> {
  const response = await greet(language.code, name, formal)
  const request = `GET ${response.path}`
  check(response.status === 200, `${request} returned ${response.status}, expected 200. Response body: ${response.text}`)
  const expected = filledIn(language[wanted], name)
  const other = wanted === 'formal' ? 'casual' : 'formal'
  const got = response.body.text === filledIn(language[other], name) ? ` (the ${other} greeting)` : ''
  check(response.body.text === expected, `${request} answered ${JSON.stringify(response.body.text)}${got}, expected the ${wanted} greeting ${JSON.stringify(expected)}.`)
}

/** The templates stored for a language code, read straight from the database. */
export async function storedTemplates(code: string): Promise<{ formal: string; casual: string } | undefined> {
  const rows = await database.query<{ formal: string; casual: string }>('SELECT formal, casual FROM languages WHERE code = $1', [code])
  return rows[0]
}
