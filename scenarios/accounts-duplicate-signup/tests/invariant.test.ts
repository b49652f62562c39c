import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { atOnce, caseVariants, creationsAnnounced, lookUp, person, recorded, signUp, statuses, storedAccounts, unknownId, type Account } from './accounts.js'

scenarioTest('A new e-mail signs up with 201, is stored lower-cased and is recorded and announced once', async () => {
  const newcomer = person()
  const typed = random.pick(caseVariants(newcomer.email))
  const response = await service.post<Account>('/accounts', { ...newcomer, email: typed })
  expectStatus(response, 201, `${typed} has no account yet`)
  const expected = {
    email: newcomer.email,
    displayName: newcomer.displayName,
    locale: newcomer.locale ?? 'en-GB',
    timeZone: newcomer.timeZone ?? 'UTC',
    marketingOptIn: newcomer.marketingOptIn ?? false
  }
  const answered = response.body
  expectEqual(
    { email: answered.email, displayName: answered.displayName, locale: answered.locale, timeZone: answered.timeZone, marketingOptIn: answered.marketingOptIn },
    expected,
    `The answer to POST /accounts for ${typed}`
  )
  const rows = await storedAccounts(newcomer.email)
  expectEqual(
    rows.map((row) => ({ id: row.id, email: row.email, displayName: row.display_name, locale: row.locale, timeZone: row.time_zone, marketingOptIn: row.marketing_opt_in })),
    [{ id: answered.id, ...expected }],
    `The accounts stored after signing up ${typed}`
  )
  expectEqual(
    await recorded(answered.id),
    { history: ['account.created'], events: ['account.created'] },
    `The history entries and outbox events of the account ${typed} signed up`
  )
  expectEqual(
    await creationsAnnounced(newcomer.email),
    [{ accountId: answered.id, displayName: newcomer.displayName }],
    `The account.created events written for ${newcomer.email} (account, display name)`
  )
  const read = await service.get<Account>(`/accounts/${answered.id}`)
  expectStatus(read, 200, 'reading back the account that was just created')
  expectEqual({ email: read.body.email, displayName: read.body.displayName }, { email: newcomer.email, displayName: newcomer.displayName }, `GET /accounts/${answered.id}`)
  const found = await lookUp(typed)
  expectStatus(found, 200, `looking up ${typed}, which just signed up`)
  expectEqual(found.body.id, answered.id, `The account GET /accounts/lookup?email=${typed} answers`)
})

scenarioTest('Different e-mails signing up at the same moment each get an account', async () => {
  const people = Array.from({ length: random.int(3, 5) }, person)
  const responses = await Promise.all(people.map((someone) => service.post<Account>('/accounts', someone)))
  check(
    responses.every((response) => response.status === 201),
    `${people.length} sign-ups with different new e-mails sent at once answered ${statuses(responses)}; expected 201 for each.`
  )
  const rows = await database.query<{ email: string; display_name: string }>('SELECT email, display_name FROM accounts WHERE email = ANY($1) ORDER BY email', [people.map((p) => p.email)])
  expectEqual(
    rows.map((row) => [row.email, row.display_name]),
    people.map((p) => [p.email, p.displayName]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
    'The accounts stored for these new e-mails (e-mail, display name)'
  )
  for (const [index, someone] of people.entries()) {
    expectEqual(
      (await creationsAnnounced(someone.email)).map((event) => event.accountId),
      [responses[index]!.body.id],
      `The accounts an account.created event was written for with ${someone.email}`
    )
  }
})

scenarioTest('Changing an e-mail to one that is taken is refused with 409 and changes nothing', async () => {
  const owner = person()
  await signUp(owner, 'the owner of the e-mail')
  const mover = person()
  const moving = await signUp(mover, 'a second person')
  for (const email of [owner.email, random.pick(caseVariants(owner.email))]) {
    const response = await service.patch<{ message?: unknown }>(`/accounts/${moving.id}`, { email, displayName: random.fullName() })
    expectStatus(response, 409, `${email} belongs to another account`)
    check(typeof response.body?.message === 'string', `PATCH /accounts/${moving.id} answered 409 without a JSON "message"; it returned ${response.text}.`)
  }
  const rows = await database.query<{ email: string; display_name: string }>('SELECT email, display_name FROM accounts WHERE id = $1', [moving.id])
  expectEqual(rows, [{ email: mover.email, display_name: mover.displayName }], `The account ${moving.id} after the refused changes`)
  expectEqual((await storedAccounts(owner.email)).length, 1, `The number of accounts stored for ${owner.email}`)
})

scenarioTest('Saving a profile with its own e-mail, in any letter case, is not a conflict', async () => {
  const someone = person()
  const account = await signUp(someone)
  for (const email of [someone.email, random.pick(caseVariants(someone.email))]) {
    const displayName = random.unique(() => random.fullName())
    const response = await service.patch<Account>(`/accounts/${account.id}`, { email, displayName })
    expectStatus(response, 200, `${email} is this account's own e-mail, sent unchanged with a new display name`)
    const rows = await database.query<{ email: string; display_name: string }>('SELECT email, display_name FROM accounts WHERE id = $1', [account.id])
    expectEqual(rows, [{ email: someone.email, display_name: displayName }], `The account ${account.id} after PATCH with ${email}`)
  }
})

scenarioTest('Two accounts changing to the same new e-mail at once: one gets it, the other is refused', async () => {
  const movers = [await signUp(person()), await signUp(person())]
  const target = random.email()
  const responses = await atOnce(movers.map((mover) => () => service.patch<Account>(`/accounts/${mover.id}`, { email: target })))
  const sent = `PATCH /accounts/:id with e-mail ${target} for two accounts at once`
  check(
    [...statuses(responses).split(', ')].sort().join(', ') === '200, 409',
    `${sent} answered ${statuses(responses)}; expected one 200 and one 409. Response bodies: ${responses.map((r) => r.text).join(' | ')}`
  )
  const winner = movers[responses.findIndex((response) => response.status === 200)]!
  const rows = await storedAccounts(target)
  expectEqual(rows.map((row) => row.id), [winner.id], `After ${sent}, the accounts stored with ${target}`)
})

scenarioTest('Unknown accounts answer 404, whatever e-mail the change asks for', async () => {
  const owner = person()
  await signUp(owner, 'the owner of a taken e-mail')
  const unknown = unknownId()
  expectStatus(await service.get(`/accounts/${unknown}`), 404, 'no account has this id')
  expectStatus(await service.patch(`/accounts/${unknown}`, { email: owner.email }), 404, `no account has this id (the e-mail ${owner.email} is taken, but there is nothing to change)`)
  expectStatus(await service.patch(`/accounts/${unknown}`, { email: random.email(), displayName: random.fullName() }), 404, 'no account has this id')
  expectStatus(await service.delete(`/accounts/${unknown}`), 404, 'no account has this id')
})

scenarioTest("A deleted account's e-mail can be used to sign up again, and lookups follow", async () => {
  const leaver = person()
  const created = await signUp(leaver, 'the first sign-up')
  expectStatus(await lookUp(leaver.email), 200, `looking up ${leaver.email} before the account is deleted`)
  expectStatus(await service.get(`/accounts/${created.id}`), 200, `reading account ${created.id} before it is deleted`)
  expectStatus(await service.delete(`/accounts/${created.id}`), 204, 'deleting the account')
  expectStatus(await lookUp(leaver.email), 404, `looking up ${leaver.email} after its account was deleted`)
  expectStatus(await service.get(`/accounts/${created.id}`), 404, `reading account ${created.id} after it was deleted`)
  const returning = await signUp({ ...person(), email: random.pick([leaver.email, ...caseVariants(leaver.email)]) }, 'signing up again after the account was deleted')
  expectEqual((await storedAccounts(leaver.email)).map((row) => row.id), [returning.id], `The accounts stored for ${leaver.email} after signing up again`)
  const found = await lookUp(leaver.email)
  expectStatus(found, 200, `looking up ${leaver.email} after it signed up again`)
  expectEqual(found.body.id, returning.id, `The account GET /accounts/lookup?email=${leaver.email} answers after it signed up again`)
})

scenarioTest('Changing an e-mail frees the old address, and reads and lookups follow the change', async () => {
  const mover = person()
  const account = await signUp(mover, 'the account that will change its e-mail')
  expectStatus(await lookUp(mover.email), 200, `looking up ${mover.email} before it changes`)
  expectStatus(await service.get(`/accounts/${account.id}`), 200, `reading account ${account.id} before it changes`)
  const moved = random.email()
  const changed = await service.patch<Account>(`/accounts/${account.id}`, { email: random.pick([moved, ...caseVariants(moved)]) })
  expectStatus(changed, 200, `changing the e-mail of account ${account.id} to ${moved}, which nobody has`)
  const read = await service.get<Account>(`/accounts/${account.id}`)
  expectEqual(read.body.email, moved, `The e-mail GET /accounts/${account.id} answers after it was changed to ${moved}`)
  expectStatus(await lookUp(mover.email), 404, `looking up ${mover.email}, which account ${account.id} gave up`)
  const found = await lookUp(moved)
  expectEqual(found.body.id, account.id, `The account GET /accounts/lookup?email=${moved} answers after account ${account.id} changed to it`)
  const returning = await signUp({ ...person(), email: random.pick([mover.email, ...caseVariants(mover.email)]) }, `${mover.email} was given up by account ${account.id}`)
  expectEqual((await storedAccounts(mover.email)).map((row) => row.id), [returning.id], `The accounts stored for ${mover.email} after it was signed up again`)
  expectEqual((await storedAccounts(moved)).map((row) => row.id), [account.id], `The accounts stored for ${moved}`)
  expectEqual((await lookUp(mover.email)).body.id, returning.id, `The account GET /accounts/lookup?email=${mover.email} answers after it was signed up again`)
})

const DISPOSABLE_DOMAINS = ['mailinator.com', 'yopmail.com', 'guerrillamail.com', 'trashmail.com', '10minutemail.com', 'maildrop.cc'] as const
const MISSPELT_TIME_ZONES = ['Europe/Lisbonn', 'America/Bogata', 'Asia/Tokio', 'Africa/Nairobbi', 'Australia/Sidney', 'Europe/Berlim'] as const

scenarioTest('An invalid sign-up is rejected with 400, a throwaway address with 422, and nothing is stored', async () => {
  const someone = person()
  const noAt = someone.email.replace('@', random.pick(['', ' at ', '-at-']))
  const disposable = `${someone.email.slice(0, someone.email.indexOf('@'))}@${random.pick(DISPOSABLE_DOMAINS)}`
  const timeZone = random.pick(MISSPELT_TIME_ZONES)
  for (const [body, status, why] of [
    [{ ...someone, email: noAt }, 400, `the e-mail ${noAt} has no @`],
    [{ email: someone.email }, 400, 'there is no display name'],
    [{ ...someone, displayName: '' }, 400, 'the display name is empty'],
    [{ ...someone, timeZone }, 400, `${timeZone} is not a time zone`],
    [{ ...someone, email: disposable }, 422, `${disposable} is a throwaway inbox the service does not register`]
  ] as const) {
    const response = await service.post<{ message?: unknown }>('/accounts', body)
    expectStatus(response, status, why)
    check(typeof response.body?.message === 'string', `POST /accounts answered ${status} (${why}) without a JSON "message"; it returned ${response.text}.`)
  }
  expectEqual((await storedAccounts(someone.email)).length, 0, `The number of accounts stored for ${someone.email} after invalid sign-ups`)
  expectEqual((await storedAccounts(disposable)).length, 0, `The number of accounts stored for ${disposable}`)
  await signUp(someone, 'the same details, valid this time')
})

scenarioTest('A sign-up the database cannot store is not reported as an e-mail already registered', async () => {
  // A NUL character pasted into a name passes validation, but PostgreSQL cannot store it in text.
  const someone = person()
  const [first, ...rest] = someone.displayName.split(' ')
  const garbled = `${first}\u0000 ${rest.join(' ')}`
  const response = await service.post('/accounts', { email: someone.email, displayName: garbled })
  check(
    response.status >= 400 && response.status !== 409,
    `POST /accounts for ${someone.email}, which has no account, with a display name containing a NUL character returned ${response.status}. ` +
      `A 409 tells a new customer their e-mail is already registered, and a 2xx claims it was stored; expected another error status. Response body: ${response.text}`
  )
  expectEqual((await storedAccounts(someone.email)).length, 0, `The number of accounts stored for ${someone.email}`)
  await signUp(someone, 'the same e-mail with an ordinary display name')
})
