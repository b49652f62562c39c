import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { existingCustomer, person, signUp, stored, type Account } from './signups.js'

scenarioTest('Customers can sign up without an invitation', async () => {
  const count = random.int(2, 4)
  for (let i = 1; i <= count; i++) {
    const someone = person()
    const account = await signUp(someone, `new customer ${i} of ${count}, who found us on their own`)
    expectEqual(
      (await stored(someone.email)).map((row) => ({ id: row.id, referredBy: row.referred_by, status: row.status })),
      [{ id: account.id, referredBy: null, status: 'active' }],
      `The accounts stored for ${someone.email} after signing up without an invitation`
    )
  }
})

scenarioTest('Customers with and without an invitation sign up side by side, and only the invited ones record an inviter', async () => {
  const inviter = await existingCustomer()
  const plan = random.shuffle([true, true, false, false, random.chance()])
  const accounts: { account: Account; invited: boolean }[] = []
  for (const invited of plan) {
    const someone = person(invited ? { referredBy: inviter.id } : {})
    accounts.push({ account: await signUp(someone, invited ? `invited by ${inviter.email}` : 'found us on their own'), invited })
  }
  for (const { account, invited } of accounts) {
    const [row] = await stored(account.email)
    expectEqual(row?.referred_by, invited ? inviter.id : null, `The inviter stored for ${account.email}, who ${invited ? `was invited by ${inviter.email}` : 'came on their own'}`)
  }
})

scenarioTest('A customer who came on their own can invite others straight away', async () => {
  const first = await signUp(person(), 'a customer who found us on their own')
  const friend = await signUp(person({ referredBy: first.id }), `invited by ${first.email}`)
  const friendOfFriend = await signUp(person({ referredBy: friend.id }), `invited by ${friend.email}`)
  const later = await signUp(person(), 'another customer without an invitation')
  const rows = await Promise.all([first, friend, friendOfFriend, later].map(async (account) => (await stored(account.email))[0]?.referred_by))
  expectEqual(rows, [null, first.id, friend.id, null], `The inviters stored for ${first.email}, ${friend.email}, ${friendOfFriend.email} and ${later.email}`)
})
