import { check, database, expectEqual, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export interface Account {
  id: string
  email: string
  displayName: string
  phone: string | null
}

export interface Person {
  email: string
  displayName: string
  locale?: string
  timeZone?: string
  phone?: string
}

export interface Phone {
  /** As the customer typed it. */
  typed: string
  /** As the service must store it. */
  e164: string
}

const digits = (count: number) => Array.from({ length: count }, () => random.int(0, 9)).join('')

/** Real-world numbers: country code, then the national number in the groups people type. */
const COUNTRIES: readonly { code: string; groups: () => string[] }[] = [
  { code: '44', groups: () => [`7${digits(3)}`, digits(6)] },
  { code: '49', groups: () => [`15${digits(1)}`, digits(4), digits(4)] },
  { code: '55', groups: () => ['11', `9${digits(4)}`, digits(4)] },
  { code: '81', groups: () => [`90`, digits(4), digits(4)] },
  { code: '1', groups: () => [`${random.int(2, 9)}${digits(2)}`, `555`, digits(4)] },
  { code: '254', groups: () => [`7${digits(2)}`, digits(3), digits(3)] },
  { code: '351', groups: () => [`9${digits(2)}`, digits(3), digits(3)] },
  { code: '33', groups: () => [`${random.int(6, 7)}`, digits(2), digits(2), digits(2), digits(2)] },
  { code: '91', groups: () => [`9${digits(4)}`, digits(5)] },
  { code: '61', groups: () => [`4${digits(2)}`, digits(3), digits(3)] }
]

/** The ways a number is typed: spaced, dashed, dotted, bracketed, run together, with 00 for the +. */
const STYLES: readonly ((code: string, groups: string[]) => string)[] = [
  (code, groups) => `+${code} ${groups.join(' ')}`,
  (code, groups) => `+${code}-${groups.join('-')}`,
  (code, groups) => `+${code}${groups.join('')}`,
  (code, groups) => `00${code} ${groups.join(' ')}`,
  (code, [first, ...rest]) => `+${code} (${first}) ${rest.join('-')}`,
  (code, groups) => `+${code}.${groups.join('.')}`,
  (code, groups) => ` +${code} ${groups.join(' ')} `
]

/** A valid number, typed in a random but realistic way. */
export function phone(): Phone {
  const { code, groups } = random.pick(COUNTRIES)
  const parts = groups()
  return { typed: random.pick(STYLES)(code, parts), e164: `+${code}${parts.join('')}` }
}

/** Numbers the service must refuse: without a country code, too short, too long, with letters or words. */
export function invalidPhones(): { typed: string; why: string }[] {
  return [
    { typed: `0${random.int(1, 9)}${digits(2)} ${digits(4)} ${digits(4)}`, why: 'it has no country code' },
    { typed: `+0${digits(2)} ${digits(8)}`, why: 'a country code cannot start with 0' },
    { typed: `+${random.int(1, 9)}${digits(2)} ${digits(2)}`, why: 'it is too short' },
    { typed: `+${random.int(1, 9)}${digits(15)}`, why: 'it has more than 15 digits' },
    { typed: `+44 20 ${digits(4)} ${digits(3)}${random.pick(['x', 'O', 'l'])}`, why: 'it has a letter in it' },
    { typed: random.pick(['call my assistant', 'n/a', '+', 'ask at reception']), why: 'it is not a number' }
  ]
}

/** A new customer, as the web app signs them up. */
export function person(extra: Partial<Person> = {}): Person {
  return { email: random.email(), displayName: random.unique(() => random.fullName()), ...extra }
}

export function signUpRequest(someone: Person): Promise<ServiceResponse<Account>> {
  return service.post<Account>('/accounts', someone)
}

export async function signUp(someone: Person, why: string): Promise<Account> {
  const response = await signUpRequest(someone)
  check(
    response.status === 201,
    `POST /accounts for ${someone.email}${someone.phone === undefined ? '' : ` with phone "${someone.phone}"`} (${why}) answered ${response.status}, expected 201. Response body: ${response.text}`
  )
  return response.body
}

export function changePhone(account: Account, typed: string | null): Promise<ServiceResponse<Account>> {
  return service.patch<Account>(`/accounts/${account.id}`, { phone: typed })
}

export async function storedPhone(account: Account): Promise<string | null | undefined> {
  const [row] = await database.query<{ phone: string | null }>('SELECT phone FROM accounts WHERE id = $1', [account.id])
  return row?.phone
}

export async function storedByEmail(email: string): Promise<number> {
  const rows = await database.query<{ id: string }>('SELECT id::text AS id FROM accounts WHERE lower(email) = lower($1)', [email])
  return rows.length
}

/** The fields changed in each profile change of the account, oldest first. */
export async function profileChanges(account: Account): Promise<string[][]> {
  const rows = await database.query<{ changed_fields: string[] }>(
    `SELECT changed_fields FROM account_events WHERE account_id = $1 AND type = 'account.updated' ORDER BY id`,
    [account.id]
  )
  return rows.map((row) => row.changed_fields)
}

/** Signs up with a valid number and insists it was accepted, answered and stored in E.164. */
export async function signUpWithPhone(number: Phone, why: string): Promise<Account> {
  const someone = person({ phone: number.typed })
  const account = await signUp(someone, why)
  expectEqual(account.phone, number.e164, `The phone POST /accounts answered for ${someone.email}, who typed "${number.typed}"`)
  expectEqual(await storedPhone(account), number.e164, `The phone stored for ${someone.email}, who typed "${number.typed}"`)
  return account
}

/** Changes the phone to a valid number and insists it was accepted, answered and stored in E.164. */
export async function expectPhoneChanged(account: Account, number: Phone, why: string): Promise<void> {
  const response = await changePhone(account, number.typed)
  check(
    response.status === 200,
    `PATCH /accounts/${account.id} with phone "${number.typed}" (${why}) answered ${response.status}, expected 200. Response body: ${response.text}`
  )
  expectEqual(response.body.phone, number.e164, `The phone PATCH /accounts/${account.id} answered after "${number.typed}"`)
  expectEqual(await storedPhone(account), number.e164, `The phone stored for account ${account.id} after "${number.typed}"`)
}

/** Sends a number the service must refuse and insists on a 400 that names the phone. */
export function expectRefused(response: ServiceResponse<unknown>, typed: string, why: string): void {
  const body = response.body as { message?: unknown } | undefined
  check(
    response.status === 400 && typeof body?.message === 'string' && /phone/i.test(body.message),
    `${response.method} ${response.path} with phone "${typed}" (${why}) answered ${response.status} ${response.text}; expected 400 with a "message" about the phone number.`
  )
}
