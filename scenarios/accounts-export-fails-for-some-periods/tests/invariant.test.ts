import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { backdate, erase, expectedRecords, exportPath, exportRecords, nextDay, pastDay, person, placeInDay, signUp, type Account } from './export.js'

scenarioTest('The referral payout export lists the customers one inviter brought in, from midnight up to, not including, the next', async () => {
  const inviter = await signUp(person(), 'the customer who sends invitations')
  const invited: Account[] = []
  for (let i = random.int(3, 5); i > 0; i--) invited.push(await signUp(person({ referredBy: inviter.id }), `invited by ${inviter.email}`))
  const ownWay = await signUp(person(), 'a customer of the same day who came without an invitation')
  const day = pastDay()
  const [lateInvite, ...ofTheDay] = invited as [Account, ...Account[]]
  await placeInDay(random.shuffle([...ofTheDay, ownWay]), day)
  await backdate(lateInvite, nextDay(day))
  const query = { from: day, to: nextDay(day), referredBy: inviter.id }
  const { path, records } = await exportRecords(query, `the customers ${inviter.email} invited that day`)
  const expected = await expectedRecords(ofTheDay)
  expectEqual(records, expected, `The records of GET ${path} (the customers ${inviter.email} invited that day; one more was invited at the next midnight)`)
  const following = await exportRecords({ from: nextDay(day), to: nextDay(nextDay(day)), referredBy: inviter.id }, `the customers ${inviter.email} invited the next day`)
  expectEqual(following.records, await expectedRecords([lateInvite]), `The records of GET ${following.path} (one customer invited at midnight)`)
})

scenarioTest('Invitations show on the account, in the listing and in the lookup, also after the inviter left', async () => {
  const inviter = await signUp(person(), 'the customer who sends invitations')
  const invited = await signUp(person({ referredBy: inviter.id }), `invited by ${inviter.email}`)
  const ownWay = await signUp(person(), 'a customer who came without an invitation')
  expectEqual(invited.referredBy, inviter.id, `The referredBy POST /accounts answered for ${invited.email}, invited by account ${inviter.id}`)
  expectEqual(ownWay.referredBy, null, `The referredBy POST /accounts answered for ${ownWay.email}, who came without an invitation`)
  await erase(inviter)
  for (const [account, referredBy] of [[invited, inviter.id], [ownWay, null]] as const) {
    const read = await service.get<Account>(`/accounts/${account.id}`)
    expectStatus(read, 200, `reading account ${account.id}`)
    expectEqual(read.body.referredBy, referredBy, `The referredBy of GET /accounts/${account.id} after the inviter erased their account`)
    const found = await service.get<Account>(`/accounts/lookup?email=${encodeURIComponent(account.email)}`)
    expectEqual(found.body.referredBy, referredBy, `The referredBy of GET /accounts/lookup?email=${account.email}`)
    const listed = await service.get<{ accounts: Account[] }>(`/accounts?q=${encodeURIComponent(account.email)}&limit=100`)
    expectStatus(listed, 200, `listing the accounts that match ${account.email}`)
    expectEqual(
      listed.body.accounts.filter((item) => item.id === account.id).map((item) => item.referredBy),
      [referredBy],
      `The referredBy of ${account.email} in GET /accounts?q=${account.email}`
    )
  }
})

scenarioTest('A bad export period is refused with 400 and an invitation from an unknown account with 422', async () => {
  const day = pastDay()
  for (const [from, to, why] of [
    [nextDay(day), day, 'the period ends before it starts'],
    [day, day, 'the period is empty'],
    [day, new Date(day.getTime() + 93 * 86_400_000), 'the period spans 93 days']
  ] as const) {
    const response = await service.get<{ message?: unknown }>(exportPath({ from, to }))
    expectStatus(response, 400, `GET ${exportPath({ from, to })}: ${why}`)
    check(typeof response.body?.message === 'string', `GET ${exportPath({ from, to })} answered 400 without a JSON "message"; it returned ${response.text}`)
  }
  const quarter = await exportRecords({ from: day, to: new Date(day.getTime() + 92 * 86_400_000), referredBy: (await signUp(person(), 'an inviter nobody followed')).id }, 'an inviter nobody followed, over 92 days')
  expectEqual(quarter.records, [], `The records of GET ${quarter.path}`)
  const stranger = person({ referredBy: (await signUp(person(), 'an inviter who will leave')).id })
  await erase({ id: stranger.referredBy! } as Account)
  const refused = await service.post('/accounts', stranger)
  expectStatus(refused, 422, `signing up ${stranger.email} with an invitation from account ${stranger.referredBy}, which was erased`)
})
