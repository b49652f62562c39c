import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { existingCustomer, person, signUp, signUpRequest, stored, unknownId, type Account } from './signups.js'

scenarioTest('Invited customers sign up and show who invited them on the account, in the listing and in the lookup', async () => {
  const inviter = await existingCustomer()
  const invited: Account[] = []
  for (let i = random.int(2, 3); i > 0; i--) invited.push(await signUp(person({ referredBy: inviter.id }), `invited by ${inviter.email}`))
  for (const account of invited) {
    expectEqual((await stored(account.email)).map((row) => row.referred_by), [inviter.id], `The inviter stored for ${account.email}`)
    const read = await service.get<Account>(`/accounts/${account.id}`)
    expectStatus(read, 200, `reading account ${account.id}`)
    expectEqual(read.body.referredBy, inviter.id, `The referredBy of GET /accounts/${account.id}`)
    const found = await service.get<Account>(`/accounts/lookup?email=${encodeURIComponent(account.email)}`)
    expectEqual(found.body.referredBy, inviter.id, `The referredBy of GET /accounts/lookup?email=${account.email}`)
  }
})

scenarioTest('An invitation from an account that does not exist or is suspended is refused with 422, and nothing is stored', async () => {
  const suspended = await existingCustomer('suspended')
  for (const [referredBy, why] of [
    [unknownId(), 'an account that does not exist'],
    [suspended.id, `the suspended account of ${suspended.email}`]
  ] as const) {
    const someone = person({ referredBy })
    const response = await signUpRequest(someone)
    expectStatus(response, 422, `signing up ${someone.email} with an invitation from ${why}`)
    const body = response.body as { message?: unknown }
    check(typeof body?.message === 'string', `POST /accounts answered 422 without a JSON "message"; it returned ${response.text}`)
    expectEqual((await stored(someone.email)).length, 0, `The accounts stored for ${someone.email} after an invitation from ${why}`)
  }
})

scenarioTest('The other sign-up rules still hold for invited customers: 400 for a bad e-mail, 422 for a throwaway one, 409 for a taken one', async () => {
  const inviter = await existingCustomer()
  const someone = person({ referredBy: inviter.id })
  const noAt = someone.email.replace('@', random.pick([' at ', '-at-', '']))
  expectStatus(await signUpRequest({ ...someone, email: noAt }), 400, `signing up with the e-mail ${noAt}`)
  const throwaway = `${someone.email.slice(0, someone.email.indexOf('@'))}@${random.pick(['mailinator.com', 'yopmail.com', 'trashmail.com'])}`
  expectStatus(await signUpRequest({ ...someone, email: throwaway }), 422, `signing up with the throwaway address ${throwaway}`)
  await signUp(someone, `invited by ${inviter.email}`)
  expectStatus(await signUpRequest({ ...person({ referredBy: inviter.id }), email: someone.email.toUpperCase() }), 409, `signing up again with ${someone.email}`)
  expectEqual((await stored(someone.email)).length, 1, `The accounts stored for ${someone.email}`)
  expectEqual((await stored(throwaway)).length, 0, `The accounts stored for ${throwaway}`)
})
