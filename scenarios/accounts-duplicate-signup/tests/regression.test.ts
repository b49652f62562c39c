import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { person, type Account } from './accounts.js'

scenarioTest('Signing up again with a registered e-mail is refused with 409 Conflict', async () => {
  const first = person()
  expectStatus(await service.post('/accounts', first), 201, 'the first sign-up with a new e-mail')
  const again = await service.post<{ message?: unknown }>('/accounts', { ...person(), email: first.email })
  expectStatus(again, 409, 'the e-mail is already registered')
  check(
    typeof again.body?.message === 'string' && again.body.message.length > 0,
    `POST /accounts answered 409 without a JSON "message" explaining why; it returned ${again.text}.`
  )
})

scenarioTest('An e-mail that differs only in letter case counts as already registered', async () => {
  const first = person()
  expectStatus(await service.post('/accounts', first), 201, 'the first sign-up with a new e-mail')
  const shouted = first.email.toUpperCase()
  expectStatus(await service.post('/accounts', { ...person(), email: shouted }), 409, `${shouted} is ${first.email} in other letters`)
})

scenarioTest('A refused duplicate sign-up leaves the existing account as it was', async () => {
  const first = person()
  const created = await service.post<Account>('/accounts', first)
  expectStatus(created, 201, 'the first sign-up with a new e-mail')
  const attempts = random.int(2, 4)
  for (let attempt = 1; attempt <= attempts; attempt++) {
    expectStatus(await service.post('/accounts', { email: first.email, displayName: `Impostor ${attempt}` }), 409, `duplicate sign-up ${attempt} of ${attempts}`)
  }
  const rows = await database.query<{ display_name: string }>('SELECT display_name FROM accounts WHERE email = $1', [first.email])
  expectEqual(rows.length, 1, `The number of accounts stored for ${first.email}`)
  expectEqual(rows[0]?.display_name, first.displayName, 'The display name of the original account')
})
