import { check, database, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export interface Account {
  id: string
  email: string
  displayName: string
  referredBy: string | null
}

export interface Person {
  email: string
  displayName: string
  locale?: string
  timeZone?: string
  marketingOptIn?: boolean
  referredBy?: string
}

const REGIONS = [
  ['en-GB', 'Europe/London'],
  ['pt-BR', 'America/Sao_Paulo'],
  ['de-DE', 'Europe/Berlin'],
  ['ja-JP', 'Asia/Tokyo'],
  ['en-US', 'America/Denver'],
  ['sw-KE', 'Africa/Nairobi'],
  ['fr-FR', 'Europe/Paris']
] as const

/** A new customer as the web or mobile app signs them up. */
export function person(extra: Partial<Person> = {}): Person {
  const [locale, timeZone] = random.pick(REGIONS)
  return {
    email: random.email(),
    displayName: random.unique(() => random.fullName()),
    ...(random.chance(0.8) ? { locale, timeZone } : {}),
    ...(random.chance(0.5) ? { marketingOptIn: random.chance() } : {}),
    ...extra
  }
}

export function signUpRequest(someone: Person): Promise<ServiceResponse<Account>> {
  return service.post<Account>('/accounts', someone)
}

/** Signs someone up and insists on 201 with the inviter recorded as sent. */
export async function signUp(someone: Person, why: string): Promise<Account> {
  const response = await signUpRequest(someone)
  check(
    response.status === 201,
    `POST /accounts for ${someone.email} ${someone.referredBy ? `invited by account ${someone.referredBy}` : 'without an invitation'} (${why}) answered ${response.status}, expected 201. Response body: ${response.text}`
  )
  check(
    response.body.referredBy === (someone.referredBy ?? null),
    `POST /accounts for ${someone.email} (${why}) answered referredBy ${JSON.stringify(response.body.referredBy)}, expected ${JSON.stringify(someone.referredBy ?? null)}.`
  )
  return response.body
}

export interface StoredAccount {
  id: string
  email: string
  display_name: string
  referred_by: string | null
  status: string
}

export function stored(email: string): Promise<StoredAccount[]> {
  return database.query<StoredAccount>(
    `SELECT id::text AS id, email, display_name, referred_by::text AS referred_by, status::text AS status FROM accounts WHERE lower(email) = lower($1) ORDER BY created_at, id`,
    [email]
  )
}

/**
 * A customer who has been with us for a while, stored as the import of earlier customers stored
 * them: a starting point for invitations that does not depend on sign-up itself.
 */
export async function existingCustomer(status: 'active' | 'suspended' = 'active'): Promise<Account> {
  const someone = person()
  const [row] = await database.query<{ id: string }>(
    `INSERT INTO accounts (id, email, display_name, status, created_by, updated_by, created_at, updated_at)
     VALUES (gen_random_uuid(), lower($1), $2, $3::"AccountStatus", 'partner-import', 'partner-import', now() - interval '30 days', now())
     RETURNING id::text AS id`,
    [someone.email, someone.displayName, status]
  )
  return { id: row!.id, email: someone.email.toLowerCase(), displayName: someone.displayName, referredBy: null }
}

/** A well-formed account id that no account has. */
export function unknownId(): string {
  const hex = (length: number) => Array.from({ length }, () => random.int(0, 15).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${random.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`
}
