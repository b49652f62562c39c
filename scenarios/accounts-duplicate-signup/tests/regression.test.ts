import { check, expectEqual, expectStatus, random, scenarioTest, service, type ServiceResponse } from '@debug-drills/drill-kit'
import { atOnce, caseVariants, person, signUp, statuses, storedAccounts, type Account, type StoredAccount } from './accounts.js'

function expectConflict(response: ServiceResponse<unknown>, why: string): void {
  expectStatus(response, 409, why)
  const body = response.body as { message?: unknown } | undefined
  check(
    typeof body?.message === 'string' && body.message.length > 0,
    `${response.method} ${response.path} answered 409 (${why}) without a JSON "message" for the web app to show; it returned ${response.text || 'an empty body'}.`
  )
}

/** The account as it was stored on sign-up: still alone, still unchanged. */
async function expectUntouched(original: StoredAccount, what: string): Promise<void> {
  const rows = await storedAccounts(original.email)
  expectEqual(rows.length, 1, `After ${what}, the number of accounts stored for ${original.email}`)
  expectEqual(
    { id: rows[0]?.id, email: rows[0]?.email, displayName: rows[0]?.display_name, updatedAt: rows[0]?.updated_at.toISOString() },
    { id: original.id, email: original.email, displayName: original.display_name, updatedAt: original.updated_at.toISOString() },
    `After ${what}, the account stored for ${original.email}`
  )
}

async function stored(email: string): Promise<StoredAccount> {
  const [row] = await storedAccounts(email)
  check(row, `No account is stored for ${email} right after it signed up with 201.`)
  return row
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
async function expectOneAccount(signUps: { email: string; displayName: string }[], what: string): Promise<void> {
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
