import { check, database, expectStatus, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export interface Account {
  id: string
  email: string
  displayName: string
  phone: string | null
  referredBy: string | null
  status: string
}

export interface Person {
  email: string
  displayName: string
  locale?: string
  timeZone?: string
  phone?: string
  referredBy?: string
}

const REGIONS = [
  { locale: 'en-GB', timeZone: 'Europe/London', phone: () => `+44 7${random.int(100, 999)} ${random.int(100000, 999999)}` },
  { locale: 'de-DE', timeZone: 'Europe/Berlin', phone: () => `+49 151 ${random.int(1000, 9999)} ${random.int(1000, 9999)}` },
  { locale: 'pt-BR', timeZone: 'America/Sao_Paulo', phone: () => `+55 11 9${random.int(1000, 9999)}-${random.int(1000, 9999)}` },
  { locale: 'ja-JP', timeZone: 'Asia/Tokyo', phone: () => `+81 90 ${random.int(1000, 9999)} ${random.int(1000, 9999)}` },
  { locale: 'en-US', timeZone: 'America/New_York', phone: () => `+1 (212) 555-${random.int(1000, 9999)}` },
  { locale: 'sw-KE', timeZone: 'Africa/Nairobi', phone: () => `+254 7${random.int(10, 99)} ${random.int(100000, 999999)}` }
] as const

/** A new customer as the web app signs them up: often with a phone number, sometimes with a "Last, First" name. */
export function person(extra: Partial<Person> = {}): Person {
  const region = random.pick(REGIONS)
  const [first, last] = [random.firstName(), random.lastName()]
  return {
    email: random.email(),
    displayName: random.unique(() => (random.chance(0.2) ? `${last}, ${first}` : `${first} ${last}`)),
    ...(random.chance(0.8) ? { locale: region.locale, timeZone: region.timeZone } : {}),
    ...(random.chance(0.6) ? { phone: region.phone() } : {}),
    ...extra
  }
}

export async function signUp(someone: Person, why: string): Promise<Account> {
  const response = await service.post<Account>('/accounts', someone)
  check(response.status === 201, `POST /accounts for ${someone.email} (${why}) returned ${response.status}, expected 201. Response body: ${response.text}`)
  return response.body
}

export async function suspend(account: Account): Promise<void> {
  const response = await service.post(`/accounts/${account.id}/suspend`, { reason: random.pick(['Chargeback on two orders', 'Card testing', 'Identity check pending']) })
  expectStatus(response, 200, `suspending account ${account.id} (${account.email})`)
}

export async function erase(account: Account): Promise<void> {
  expectStatus(await service.delete(`/accounts/${account.id}`), 204, `erasing account ${account.id} (${account.email})`)
}

const DAY_MS = 86_400_000

/**
 * A day of its own for one test, far enough in the past that no other test's customers share it.
 * Tests also export the day after it, so each draws a block of three days no other test shares.
 * Accounts are moved into it as an import of old customers would have stored them.
 */
export function pastDay(): Date {
  const block = Number(random.unique(() => `${random.int(0, 1400)}`))
  return new Date(Date.UTC(2012, 0, 1) + block * 3 * DAY_MS)
}

export function nextDay(day: Date): Date {
  return new Date(day.getTime() + DAY_MS)
}

/** Stores the account as created at `at`. */
export async function backdate(account: Account, at: Date): Promise<void> {
  await database.query(`UPDATE accounts SET created_at = ($2::timestamptz AT TIME ZONE 'UTC') WHERE id = $1`, [account.id, at.toISOString()])
}

/** Moves the accounts into `day`, in this order: the first exactly at midnight, the others later that day. */
export async function placeInDay(accounts: readonly Account[], day: Date): Promise<void> {
  const offsets = random.sample(Array.from({ length: 86_399 }, (_, second) => second + 1), accounts.length - 1).sort((a, b) => a - b)
  await backdate(accounts[0]!, day)
  for (const [index, account] of accounts.slice(1).entries()) {
    await backdate(account, new Date(day.getTime() + offsets[index]! * 1000 + random.int(0, 999)))
  }
}

export interface ExportQuery {
  from: Date
  to: Date
  status?: string
  referredBy?: string
}

export function exportPath({ from, to, status, referredBy }: ExportQuery): string {
  const query = new URLSearchParams({ from: from.toISOString(), to: to.toISOString() })
  if (status) query.set('status', status)
  if (referredBy) query.set('referredBy', referredBy)
  return `/accounts/export?${query.toString()}`
}

export const COLUMNS = ['id', 'email', 'display_name', 'phone', 'locale', 'time_zone', 'marketing_opt_in', 'status', 'created_at', 'referred_by', 'referrer_email'] as const
export type ExportRecord = Record<(typeof COLUMNS)[number], string>

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
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
  if (field !== '' || record.length) {
    record.push(field)
    records.push(record)
  }
  return records
}

/** Asks for the export and insists on a CSV answer with the documented header; returns its records. */
export async function exportRecords(query: ExportQuery, what: string): Promise<{ path: string; records: ExportRecord[] }> {
  const path = exportPath(query)
  const response: ServiceResponse<unknown> = await service.get(path)
  check(
    response.status === 200,
    `GET ${path} (${what}) answered ${response.status}, expected 200 with the CSV. Response body: ${response.text.slice(0, 500)}`
  )
  check(
    (response.headers.get('content-type') ?? '').startsWith('text/csv'),
    `GET ${path} (${what}) answered content-type ${response.headers.get('content-type')}, expected text/csv.`
  )
  const [header, ...rows] = parseCsv(response.text)
  check(header?.join(',') === COLUMNS.join(','), `GET ${path} (${what}) began with the header ${JSON.stringify(header?.join(','))}, expected ${JSON.stringify(COLUMNS.join(','))}.`)
  const records = rows.map((row) => Object.fromEntries(COLUMNS.map((column, index) => [column, row[index] ?? ''])) as ExportRecord)
  return { path, records }
}

interface StoredRow {
  id: string
  email: string
  display_name: string
  phone: string | null
  locale: string
  time_zone: string
  marketing_opt_in: boolean
  status: string
  created_at: string
  referred_by: string | null
}

/**
 * What the export must say about these accounts, in its order (oldest first): every column from
 * the stored row, and the e-mail of the account that invited them while that account exists.
 */
export async function expectedRecords(accounts: readonly Account[]): Promise<ExportRecord[]> {
  const rows = await database.query<StoredRow>(
    `SELECT id::text AS id, email, display_name, phone, locale, time_zone, marketing_opt_in, status::text AS status,
            to_char(created_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at, referred_by::text AS referred_by
       FROM accounts WHERE id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [accounts.map((account) => account.id)]
  )
  check(rows.length === accounts.length, `Only ${rows.length} of the ${accounts.length} accounts this test signed up are stored.`)
  const referrers = await database.query<{ id: string; email: string }>('SELECT id::text AS id, email FROM accounts WHERE id = ANY($1::uuid[])', [
    rows.flatMap((row) => (row.referred_by ? [row.referred_by] : []))
  ])
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    display_name: row.display_name,
    phone: row.phone ?? '',
    locale: row.locale,
    time_zone: row.time_zone,
    marketing_opt_in: row.marketing_opt_in ? 'yes' : 'no',
    status: row.status,
    created_at: row.created_at,
    referred_by: row.referred_by ?? '',
    referrer_email: referrers.find((referrer) => referrer.id === row.referred_by)?.email ?? ''
  }))
}

/** "Maya Okafor (invited by ..., erased)" style labels for messages. */
export function describe(record: ExportRecord): string {
  return `${record.display_name} <${record.email}>`
}
