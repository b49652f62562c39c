import { check, database, expectStatus, random, service } from '@debug-drills/drill-kit'

export type Channel = 'email' | 'sms'

export interface Delivery {
  id: string
  template: string
  locale: string
  channel: Channel
  recipient: string
  subject: string | null
  body: string
  units: number
  unitPriceCents: number
  costCents: number
  sentAt: string
}

export interface StoredDelivery {
  id: string
  template_key: string
  locale: string
  channel: Channel
  recipient: string
  body: string
  units: number
  unit_price_cents: number
  cost_cents: number
  sent_at: Date
}

const TEMPLATE_KINDS = ['shipped', 'reminder', 'receipt', 'welcome', 'code', 'renewal', 'delay', 'pickup'] as const

/** A template key no other test of this run uses, e.g. `lamp-reminder-482`. */
export function templateKey(): string {
  return random.unique(() => `${random.word().toLowerCase().replace(/[^a-z]/g, '') || 'order'}-${random.pick(TEMPLATE_KINDS)}-${random.int(10, 999)}`)
}

/** A mobile number in E.164 from one of the countries the service sends to. */
export function phone(): string {
  return random.unique(() =>
    random.pick([`+49151${random.int(1_000_000, 9_999_999)}`, `+447700${random.int(100_000, 999_999)}`, `+336${random.int(10_000_000, 99_999_999)}`, `+3467${random.int(1_000_000, 9_999_999)}`])
  )
}

export async function putTemplate(key: string, locale: string, channel: Channel, body: string, subject: string | null = null): Promise<void> {
  const response = await service.put(`/templates/${key}/${locale}/${channel}`, { body, subject })
  expectStatus(response, 200, `saving the ${channel} template ${key} for ${locale}`)
}

export async function send(payload: { template: string; channel: Channel; recipient: string; locale: string; currency?: string; variables: Record<string, string | number> }): Promise<Delivery> {
  const response = await service.post<Delivery>('/notifications', payload)
  expectStatus(response, 201, `sending the ${payload.channel} ${payload.template} to ${payload.recipient} (${payload.locale})`)
  return response.body
}

export async function storedDelivery(id: string): Promise<StoredDelivery> {
  const [row] = await database.query<StoredDelivery>('SELECT id, template_key, locale, channel, recipient, body, units, unit_price_cents, cost_cents, sent_at FROM deliveries WHERE id = $1', [id])
  check(row, `The delivery ${id} that POST /notifications answered is not in the deliveries table.`)
  return row
}

/** Moves a delivery to another instant, to build a report range around it. */
export async function sentAt(id: string, at: Date): Promise<void> {
  await database.query('UPDATE deliveries SET sent_at = $2 WHERE id = $1', [id, at])
}

/**
 * A day of the past no other test of this run reports on, as YYYY-MM-DD. Tests also send on
 * the days either side of it, so each draws the middle of a block of three days of its own.
 */
export function reportDay(): string {
  const block = Number(random.unique(() => `${random.int(0, 700)}`))
  return new Date(Date.UTC(2019, 0, 2) + block * 3 * DAY_MS).toISOString().slice(0, 10)
}

export function dayAt(day: string, offsetMs = 0): Date {
  return new Date(new Date(`${day}T00:00:00.000Z`).getTime() + offsetMs)
}

export const DAY_MS = 86_400_000

/** Cents as the export's importer reads euros: "0.07", "1234.50". */
export function euros(cents: number): string {
  return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

/** RFC 4180: fields separated by commas, quoted when they hold a comma, a quote or a line break. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(field)
      field = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field)
      records.push(record)
      record = []
      field = ''
      i++
    } else field += char
  }
  if (field !== '' || record.length > 0) records.push([...record, field])
  return records
}

export const COLUMNS = ['delivery_id', 'sent_at', 'channel', 'template', 'locale', 'recipient', 'units', 'unit_price_eur', 'cost_eur'] as const
export type ExportRow = Record<(typeof COLUMNS)[number], string>

export function exportPath(from: string, to: string, channel?: Channel): string {
  return `/reports/deliveries.csv?from=${from}&to=${to}${channel ? `&channel=${channel}` : ''}`
}

/** Downloads the export and reads it by column name, as finance's importer does. */
export async function downloadExport(from: string, to: string, channel?: Channel): Promise<{ path: string; header: string[]; rows: ExportRow[] }> {
  const path = exportPath(from, to, channel)
  const response = await service.get(path)
  expectStatus(response, 200, 'downloading the delivery export')
  const [header = [], ...records] = parseCsv(response.text)
  const rows = records.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? ''])) as ExportRow)
  return { path, header, rows }
}

export function describe(delivery: Pick<Delivery, 'channel' | 'recipient' | 'locale'>): string {
  return `the ${delivery.channel === 'sms' ? 'SMS' : 'e-mail'} to ${delivery.recipient} (${delivery.locale})`
}

/** A text of exactly `length` GSM characters, made of words. */
export function words(length: number): string {
  let text = ''
  while (text.length < length) text += `${random.word().toLowerCase()} `
  return text.slice(0, length)
}

export interface Mix {
  day: string
  deliveries: Delivery[]
  /** Sent the day before and the day after, at the nearest instants: never in the day's export. */
  outside: Delivery[]
}

/**
 * One day of deliveries with every amount boundary: a free e-mail (0.00), a one-segment SMS,
 * a two-segment SMS and a long SMS that costs more than a euro, to recipients in several
 * locales, plus a few random ones; the first at 00:00:00.000 and the last at 23:59:59.999.
 */
export async function sendMix(): Promise<Mix> {
  const key = templateKey()
  await Promise.all([
    ...['en', 'de', 'fr'].map((locale) => putTemplate(key, locale, 'sms', '{{text}}{{more}}')),
    putTemplate(key, 'en', 'email', 'Hello {{text}}{{more}}', 'Your {{text}}'),
    putTemplate(key, 'de', 'email', 'Hallo {{text}}{{more}}', 'Ihre {{text}}')
  ])
  const sms = (locale: string, length: number) => {
    const text = words(Math.min(length, 2_000))
    return send({ template: key, channel: 'sms', recipient: phone(), locale, variables: { text, more: words(length - text.length) } })
  }
  const email = (locale: string) => send({ template: key, channel: 'email', recipient: random.email(), locale, variables: { text: random.productName(), more: '' } })
  const fixed = [
    () => email(random.pick(['de', 'de-AT', 'en'])),
    () => sms('de', random.int(20, 160)),
    () => sms('fr', random.int(161, 306)),
    () => sms(random.pick(['en-GB', 'de-CH', 'fr-BE']), random.int(2_200, 3_900))
  ]
  const extra = Array.from({ length: random.int(1, 3) }, () => () => (random.chance(0.3) ? email(random.pick(['en', 'de', 'fr'])) : sms(random.pick(['en', 'de', 'fr', 'de-AT', 'es']), random.int(1, 1_200))))
  const deliveries = []
  for (const make of random.shuffle([...fixed, ...extra])) deliveries.push(await make())
  const outside = [await sms('de', random.int(20, 400)), await email('de')]

  const day = reportDay()
  const instants = deliveries.map((_, i) => (i === 0 ? 0 : i === deliveries.length - 1 ? DAY_MS - 1 : random.int(1, DAY_MS - 2))).sort((a, b) => a - b)
  for (const [i, delivery] of deliveries.entries()) {
    const at = dayAt(day, instants[i])
    await sentAt(delivery.id, at)
    delivery.sentAt = at.toISOString()
  }
  await sentAt(outside[0]!.id, dayAt(day, -1))
  await sentAt(outside[1]!.id, dayAt(day, DAY_MS))
  return { day, deliveries, outside }
}
