import { check, database, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export interface Account {
  id: string
  email: string
  displayName: string
  locale: string
  timeZone: string
  marketingOptIn: boolean
}

export interface StoredAccount {
  id: string
  email: string
  display_name: string
  locale: string
  time_zone: string
  marketing_opt_in: boolean
  status: string
  created_by: string | null
  updated_by: string | null
  updated_at: Date
}

export interface SignUpDetails {
  email: string
  displayName: string
  locale?: string
  timeZone?: string
  marketingOptIn?: boolean
}

const LOCALES = ['en-GB', 'en-US', 'pt-BR', 'de-DE', 'fr-FR', 'es-MX', 'ja-JP', 'nl-NL', 'sv-SE', 'tr-TR', 'sw-KE'] as const
const TIME_ZONES = [
  'Europe/Lisbon', 'Europe/Berlin', 'Europe/Istanbul', 'America/Bogota', 'America/Sao_Paulo', 'America/New_York',
  'Asia/Tokyo', 'Asia/Kolkata', 'Africa/Nairobi', 'Australia/Sydney', 'UTC'
] as const

/**
 * Sign-up details nobody has used yet: a new e-mail, a name no other sign-up in this run has and,
 * as the web app sends them, mostly a language, a time zone and the marketing choice.
 */
export function person(): SignUpDetails {
  return {
    email: random.email(),
    displayName: random.unique(() => random.fullName()),
    ...(random.chance(0.8) ? { locale: random.pick(LOCALES), timeZone: random.pick(TIME_ZONES) } : {}),
    ...(random.chance(0.7) ? { marketingOptIn: random.chance() } : {})
  }
}

/** Signs someone up and insists it worked. */
export async function signUp(someone: SignUpDetails, why = 'signing up with a new e-mail'): Promise<Account> {
  const response = await service.post<Account>('/accounts', someone)
  check(response.status === 201, `POST /accounts for ${someone.email} (${why}) returned ${response.status}, expected 201. Response body: ${response.text}`)
  return response.body
}

/** GET /accounts/lookup for an address, as sign-in and support tools ask. */
export function lookUp(email: string): Promise<ServiceResponse<Account>> {
  return service.get<Account>(`/accounts/lookup?email=${encodeURIComponent(email)}`)
}

/** A well-formed account id that no account has (drawn from the run's seed, like all test data). */
export function unknownId(): string {
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
}

function capitalised(email: string): string {
  return email.replace(/(^|[._@-])([a-z])/g, (_, before: string, letter: string) => `${before}${letter.toUpperCase()}`)
}

function mixed(email: string): string {
  const flipped = [...email].map((char) => (random.chance() ? char.toUpperCase() : char)).join('')
  return flipped === email ? capitalised(email) : flipped
}

/** The same (lower-case) address as people type it: in capitals, capitalised, in mixed letters. */
export function caseVariants(email: string): string[] {
  return [email.toUpperCase(), capitalised(email), mixed(email)]
}

/** Every stored account whose e-mail is this address in any letter case, oldest first. */
export function storedAccounts(email: string): Promise<StoredAccount[]> {
  return database.query<StoredAccount>(
    `SELECT id::text AS id, email, display_name, locale, time_zone, marketing_opt_in, status::text AS status, created_by, updated_by, updated_at
       FROM accounts WHERE lower(email) = lower($1) ORDER BY created_at, id`,
    [email]
  )
}

/** What other services and the audit trail were told about an account: history entries and outbox topics, in order. */
export async function recorded(accountId: string): Promise<{ history: string[]; events: string[] }> {
  const history = await database.query<{ type: string }>('SELECT type FROM account_events WHERE account_id = $1 ORDER BY id', [accountId])
  const events = await database.query<{ topic: string }>('SELECT topic FROM outbox_messages WHERE aggregate_id = $1 ORDER BY id', [accountId])
  return { history: history.map((row) => row.type), events: events.map((row) => row.topic) }
}

/** The account.created events whose account has this address in any letter case: which account, under which name. */
export async function creationsAnnounced(email: string): Promise<{ accountId: string; displayName: string }[]> {
  return database.query<{ accountId: string; displayName: string }>(
    `SELECT aggregate_id::text AS "accountId", payload->'account'->>'displayName' AS "displayName"
       FROM outbox_messages WHERE topic = 'account.created' AND lower(payload->'account'->>'email') = lower($1) ORDER BY id`,
    [email]
  )
}

/** "201, 409, 500" */
export function statuses(responses: readonly ServiceResponse[]): string {
  return responses.map((response) => response.status).join(', ')
}

const GATE_LIMIT_MS = 5_000

/**
 * Sends the requests at once and makes them really overlap: while they are in flight, writes to
 * the accounts table wait (reads do not), and they are let through together only once each
 * request is waiting to write, or after a few seconds. Every request's checks and reads so see
 * the table as it was before any of them, as when a double click or a retry lands on two
 * instances at the same moment.
 */
export async function atOnce<T>(requests: readonly (() => Promise<ServiceResponse<T>>)[]): Promise<ServiceResponse<T>[]> {
  const gate = database.query(`
    DO $gate$
    DECLARE
      deadline timestamptz := clock_timestamp() + interval '${GATE_LIMIT_MS} milliseconds';
      waiting integer := 0;
    BEGIN
      LOCK TABLE accounts IN SHARE MODE;
      LOOP
        PERFORM pg_stat_clear_snapshot();
        SELECT count(DISTINCT l.pid) INTO waiting
          FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
         WHERE NOT l.granted AND a.datname = current_database() AND l.pid <> pg_backend_pid();
        EXIT WHEN waiting >= ${requests.length} OR clock_timestamp() > deadline;
        PERFORM pg_sleep(0.002);
      END LOOP;
    END
    $gate$`)
  let failed: unknown
  gate.catch((error: unknown) => {
    failed = error
  })
  const until = Date.now() + GATE_LIMIT_MS
  for (;;) {
    if (failed) throw failed
    const held = await database.query(`SELECT 1 FROM pg_locks WHERE relation = 'accounts'::regclass AND mode = 'ShareLock' AND granted`)
    if (held.length) break
    if (Date.now() > until) throw new Error('The hidden tests could not hold writes to the accounts table to send requests at once.')
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  const [responses] = await Promise.all([Promise.all(requests.map((send) => send())), gate])
  return responses
}
