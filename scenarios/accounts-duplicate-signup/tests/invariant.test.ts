import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { atOnce, caseVariants, person, signUp, statuses, storedAccounts, unknownId, type Account } from './accounts.js'

scenarioTest('A new e-mail signs up with 201 and is stored lower-cased', async () => {
  const newcomer = person()
  const typed = random.pick(caseVariants(newcomer.email))
  const response = await service.post<Account>('/accounts', { ...newcomer, email: typed })
  expectStatus(response, 201, `${typed} has no account yet`)
  expectEqual(response.body.email, newcomer.email, `The e-mail in the answer to POST /accounts for ${typed}`)
  const rows = await storedAccounts(newcomer.email)
  expectEqual(
    rows.map((row) => ({ id: row.id, email: row.email, displayName: row.display_name })),
    [{ id: response.body.id, email: newcomer.email, displayName: newcomer.displayName }],
    `The accounts stored after signing up ${typed}`
  )
  const read = await service.get<Account>(`/accounts/${response.body.id}`)
  expectStatus(read, 200, 'reading back the account that was just created')
  expectEqual({ email: read.body.email, displayName: read.body.displayName }, { email: newcomer.email, displayName: newcomer.displayName }, `GET /accounts/${response.body.id}`)
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

scenarioTest("A deleted account's e-mail can be used to sign up again", async () => {
  const leaver = person()
  const created = await signUp(leaver, 'the first sign-up')
  expectStatus(await service.delete(`/accounts/${created.id}`), 204, 'deleting the account')
  const returning = await signUp({ ...leaver, email: random.pick([leaver.email, ...caseVariants(leaver.email)]) }, 'signing up again after the account was deleted')
  expectEqual((await storedAccounts(leaver.email)).map((row) => row.id), [returning.id], `The accounts stored for ${leaver.email} after signing up again`)
})

scenarioTest('An invalid sign-up is rejected with 400', async () => {
  const someone = person()
  const noAt = someone.email.replace('@', random.pick(['', ' at ', '-at-']))
  for (const [body, why] of [
    [{ ...someone, email: noAt }, `the e-mail ${noAt} has no @`],
    [{ email: someone.email }, 'there is no display name'],
    [{ ...someone, displayName: '' }, 'the display name is empty']
  ] as const) {
    const response = await service.post<{ message?: unknown }>('/accounts', body)
    expectStatus(response, 400, why)
    check(typeof response.body?.message === 'string', `POST /accounts answered 400 (${why}) without a JSON "message"; it returned ${response.text}.`)
  }
  expectEqual((await storedAccounts(someone.email)).length, 0, `The number of accounts stored for ${someone.email} after invalid sign-ups`)
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
