import { check, database, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { person, type Account } from './accounts.js'

scenarioTest('A new e-mail signs up with 201 and is stored lower-cased', async () => {
  const newcomer = person()
  const mixedCase = newcomer.email.replace(/^./, (letter) => letter.toUpperCase())
  const response = await service.post<Account>('/accounts', { ...newcomer, email: mixedCase })
  expectStatus(response, 201, 'a new e-mail')
  expectEqual(response.body.email, newcomer.email, 'The e-mail in the response')
  const rows = await database.query<{ email: string; display_name: string }>('SELECT email, display_name FROM accounts WHERE id = $1', [response.body.id])
  expectEqual(rows[0], { email: newcomer.email, display_name: newcomer.displayName }, 'The stored account')
})

scenarioTest('Different e-mails each get an account of their own', async () => {
  const people = Array.from({ length: random.int(3, 6) }, person)
  for (const someone of people) {
    expectStatus(await service.post('/accounts', someone), 201, `signing up ${someone.email}`)
  }
  const rows = await database.query<{ count: string }>('SELECT count(*) FROM accounts WHERE email = ANY($1)', [people.map((p) => p.email)])
  expectEqual(Number(rows[0]?.count), people.length, 'The number of accounts stored for these new e-mails')
})

scenarioTest('Changing an e-mail to one that is taken is refused with 409', async () => {
  const owner = person()
  expectStatus(await service.post('/accounts', owner), 201, 'signing up the owner of the e-mail')
  const mover = await service.post<Account>('/accounts', person())
  expectStatus(mover, 201, 'signing up a second person')
  expectStatus(await service.patch(`/accounts/${mover.body.id}`, { email: owner.email }), 409, 'the new e-mail belongs to someone else')
})

scenarioTest("A deleted account's e-mail can be used to sign up again", async () => {
  const leaver = person()
  const created = await service.post<Account>('/accounts', leaver)
  expectStatus(created, 201, 'the first sign-up')
  expectStatus(await service.delete(`/accounts/${created.body.id}`), 204, 'deleting the account')
  expectStatus(await service.post('/accounts', leaver), 201, 'signing up again after the account was deleted')
})

scenarioTest('An invalid e-mail is rejected with 400', async () => {
  const response = await service.post<{ message?: string }>('/accounts', { email: `${random.word()}-at-example.com`, displayName: 'Nobody' })
  expectStatus(response, 400, 'the e-mail has no @')
  check(typeof response.body?.message === 'string', 'A 400 answer should carry a JSON "message".')
})

scenarioTest('Existing accounts can be read back by id', async () => {
  const someone = person()
  const created = await service.post<Account>('/accounts', someone)
  expectStatus(created, 201, 'signing up')
  const read = await service.get<Account>(`/accounts/${created.body.id}`)
  expectStatus(read, 200, 'reading the new account')
  expectEqual(read.body.displayName, someone.displayName, 'The display name read back')
})
