import { check, expectEqual, expectStatus, random, scenarioTest, service, type ServiceResponse } from '@debug-drills/drill-kit'
import {
  atOnce,
  caseVariants,
  creationsAnnounced,
  lookUp,
  person,
  recorded,
  signUp,
  statuses,
  storedAccounts,
  type Account,
  type SignUpDetails,
  type StoredAccount
} from './accounts.js'

function expectConflict(response: ServiceResponse<unknown>, why: string): void {
  expectStatus(response, 409, why)
  const body = response.body as { message?: unknown } | undefined
  check(
    typeof body?.message === 'string' && body.message.length > 0,
    `${response.method} ${response.path} answered 409 (${why}) without a JSON "message" for the web app to show; it returned ${response.text || 'an empty body'}.`
  )
}

const profile = (row: StoredAccount | undefined) =>
  row && {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    locale: row.locale,
    timeZone: row.time_zone,
    marketingOptIn: row.marketing_opt_in,
    status: row.status,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString()
  }

/** An account as stored, with what was recorded and announced for its e-mail, at one moment. */
interface Snapshot {
  row: StoredAccount
  trail: { history: string[]; events: string[] }
  announced: { accountId: string; displayName: string }[]
}

async function stored(email: string): Promise<Snapshot> {
  const [row] = await storedAccounts(email)
  check(row, `No account is stored for ${email} right after it got it with a 2xx answer.`)
  return { row, trail: await recorded(row.id), announced: await creationsAnnounced(email) }
}

/**
 * The account as it was: still alone with its e-mail, unchanged, nothing more recorded or
 * announced, and what the lookup and the account list answer for it.
 */
async function expectUntouched(before: Snapshot, what: string): Promise<void> {
  const { row: original } = before
  const rows = await storedAccounts(original.email)
  expectEqual(rows.length, 1, `After ${what}, the number of accounts stored for ${original.email}`)
  expectEqual(profile(rows[0]), profile(original), `After ${what}, the account stored for ${original.email}`)
  expectEqual(await recorded(original.id), before.trail, `After ${what}, the history entries and outbox events of account ${original.id}`)
  expectEqual(await creationsAnnounced(original.email), before.announced, `After ${what}, the account.created events written for ${original.email} (account, display name)`)
  const typed = random.pick(caseVariants(original.email))
  const found = await lookUp(typed)
  expectStatus(found, 200, `GET /accounts/lookup?email=${typed} after ${what}`)
  expectEqual(
    { id: found.body.id, displayName: found.body.displayName },
    { id: original.id, displayName: original.display_name },
    `GET /accounts/lookup?email=${typed} after ${what}`
  )
  const listed = await service.get<{ accounts: Account[] }>(`/accounts?q=${encodeURIComponent(original.email)}&limit=100`)
  expectStatus(listed, 200, `listing the accounts that match ${original.email}`)
  expectEqual(
    listed.body.accounts.filter((account) => account.email === original.email).map((account) => account.id),
    [original.id],
    `GET /accounts?q=${original.email} after ${what}, the accounts listed with that e-mail`
  )
}

scenarioTest('Signing up again with a registered e-mail is refused with 409 Conflict', async () => {
  const first = person()
  await signUp(first, 'the first sign-up with a new e-mail')
  const original = await stored(first.email)
  const again = person()
  expectConflict(await service.post('/accounts', { ...again, email: first.email }), `${first.email} is already registered`)
  await expectUntouched(original, `a second sign-up for ${first.email} as "${again.displayName}"`)
})

scenarioTest('An e-mail that differs only in letter case counts as already registered', async () => {
  const first = person()
  await signUp(first, 'the first sign-up with a new e-mail')
  const original = await stored(first.email)
  for (const variant of caseVariants(first.email)) {
    expectConflict(await service.post('/accounts', { ...person(), email: variant }), `${variant} is ${first.email} in other letters`)
  }
  await expectUntouched(original, `sign-ups for ${first.email} typed in other letters`)
})

scenarioTest('Repeated duplicate sign-ups leave the existing account as it was', async () => {
  const first = person()
  await signUp(first, 'the first sign-up with a new e-mail')
  const original = await stored(first.email)
  const attempts = random.int(2, 4)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const email = attempt === 1 ? first.email : random.pick(caseVariants(first.email))
    expectConflict(await service.post('/accounts', { ...person(), email }), `duplicate sign-up ${attempt} of ${attempts} for ${first.email}`)
  }
  await expectUntouched(original, `${attempts} refused sign-ups with the same e-mail`)
})

/** The same e-mail signed up by several requests at once: one account, one 201, a 409 for each of the others. */
async function expectOneAccount(signUps: SignUpDetails[], what: string): Promise<void> {
  const responses = await atOnce(signUps.map((body) => () => service.post<Account>('/accounts', body)))
  const email = signUps[0]!.email.toLowerCase()
  const sent = `${signUps.length} sign-ups for ${email} sent at once (${what})`
  const created = responses.filter((response) => response.status === 201)
  const odd = responses.find((response) => response.status !== 201 && response.status !== 409)
  check(
    created.length === 1 && !odd,
    `${sent} answered ${statuses(responses)}; expected one 201 and 409 for the others.${odd ? ` A ${odd.status} response body: ${odd.text}` : ''}`
  )
  for (const response of responses) if (response.status === 409) expectConflict(response, `${email} was signed up by another of these requests`)
  const winner = signUps[responses.indexOf(created[0]!)]!
  const rows = await storedAccounts(email)
  expectEqual(
    rows.map((row) => ({ id: row.id, email: row.email, displayName: row.display_name })),
    [{ id: created[0]!.body.id, email, displayName: winner.displayName }],
    `After ${sent}, the accounts stored for that e-mail`
  )
  expectEqual(
    await creationsAnnounced(email),
    [{ accountId: created[0]!.body.id, displayName: winner.displayName }],
    `After ${sent}, the account.created events written for that e-mail (account, display name)`
  )
}

scenarioTest('A sign-up submitted twice at the same moment creates one account and refuses the other', async () => {
  const someone = person()
  await expectOneAccount([someone, { ...someone }], 'a double-clicked Sign up button')
})

scenarioTest('Sign-ups at the same moment with one e-mail in different letter cases create one account', async () => {
  const email = random.email()
  const variants = random.shuffle([email, ...caseVariants(email)]).slice(0, random.int(3, 4))
  if (!variants.includes(email)) variants[0] = email
  await expectOneAccount(
    variants.map((variant) => ({ ...person(), email: variant })),
    'the address typed in different letter cases'
  )
})

scenarioTest('An address taken by a change of e-mail is refused at sign-up, and the address given up is free', async () => {
  const mover = person()
  const account = await signUp(mover, 'the account that will change its e-mail')
  expectStatus(await lookUp(mover.email), 200, `looking up ${mover.email} before it changes`)
  const moved = random.email()
  const changed = await service.patch<Account>(`/accounts/${account.id}`, { email: random.pick([moved, ...caseVariants(moved)]) })
  expectStatus(changed, 200, `changing the e-mail of account ${account.id} to ${moved}, which nobody has`)
  const original = await stored(moved)
  const typed = random.pick([moved, ...caseVariants(moved)])
  expectConflict(await service.post('/accounts', { ...person(), email: typed }), `${typed} is the e-mail account ${account.id} changed to`)
  const returning = await signUp({ ...person(), email: random.pick([mover.email, ...caseVariants(mover.email)]) }, `${mover.email} was given up by account ${account.id}`)
  const found = await lookUp(mover.email)
  expectStatus(found, 200, `GET /accounts/lookup?email=${mover.email} after it was signed up again`)
  expectEqual(found.body.id, returning.id, `The account GET /accounts/lookup?email=${mover.email} answers after the address was given up and signed up again`)
  await expectUntouched(original, `a sign-up for ${moved}, the new e-mail of account ${account.id}`)
})
