import { expectEqual, random, scenarioTest } from '@debug-drills/drill-kit'
import { erase, expectedRecords, exportRecords, nextDay, pastDay, person, placeInDay, backdate, signUp, suspend, type Account, type ExportQuery } from './export.js'

/** Signs up customers who came on their own, and customers `inviter` invited. */
async function signUpMix(inviter: Account, own: number, invited: number): Promise<{ own: Account[]; invited: Account[] }> {
  const result = { own: [] as Account[], invited: [] as Account[] }
  for (let i = 0; i < own; i++) result.own.push(await signUp(person(), 'a customer who came without an invitation'))
  for (let i = 0; i < invited; i++) result.invited.push(await signUp(person({ referredBy: inviter.id }), `a customer invited by ${inviter.email}`))
  return result
}

/** The export of `query` holds exactly these accounts, each with its columns as stored. */
async function expectExport(query: ExportQuery, accounts: readonly Account[], what: string): Promise<void> {
  const { path, records } = await exportRecords(query, what)
  expectEqual(records, await expectedRecords(accounts), `The records of GET ${path} (${what})`)
}

scenarioTest('Exporting a day on which some customers were invited and some were not answers the CSV with all of them', async () => {
  const inviter = await signUp(person(), 'the customer who sends invitations')
  const { own, invited } = await signUpMix(inviter, random.int(3, 4), random.int(2, 3))
  const [first, last, ...middleOwn] = own as [Account, Account, ...Account[]]
  // Customers without an inviter at midnight, last of the day and in between; the inviter (not invited either) too.
  const order = [first, ...random.shuffle([inviter, ...middleOwn, ...invited]), last]
  const day = pastDay()
  await placeInDay(order, day)
  const nextMidnight = await signUp(person(), 'a customer of the next day')
  await backdate(nextMidnight, nextDay(day))
  await expectExport({ from: day, to: nextDay(day) }, order, `${order.length} customers that day, ${invited.length} of them invited by ${inviter.email}`)
})

scenarioTest('Customers whose inviter has since erased their account are exported with the referral and an empty referrer e-mail', async () => {
  const leaver = await signUp(person(), 'the inviter who will erase their account')
  const stayer = await signUp(person(), 'an inviter who stays')
  const fromLeaver = [await signUp(person({ referredBy: leaver.id }), `invited by ${leaver.email}`), await signUp(person({ referredBy: leaver.id }), `invited by ${leaver.email}`)]
  const fromStayer = await signUp(person({ referredBy: stayer.id }), `invited by ${stayer.email}`)
  await erase(leaver)
  const day = pastDay()
  const order = random.shuffle([...fromLeaver, fromStayer])
  await placeInDay(order, day)
  const period = { from: day, to: nextDay(day) }
  await expectExport({ ...period, referredBy: leaver.id }, fromLeaver, `the customers invited by ${leaver.email}, who has erased their account since`)
  await expectExport(period, order, `customers invited by ${stayer.email} and by ${leaver.email}, who has erased their account since`)
})

scenarioTest('Every filter of the export answers for a day with customers who came without an invitation', async () => {
  const inviter = await signUp(person(), 'the customer who sends invitations')
  const { own, invited } = await signUpMix(inviter, 3, 3)
  const suspended = [own[0]!, invited[0]!]
  for (const account of suspended) await suspend(account)
  const day = pastDay()
  const order = random.shuffle([...own, ...invited])
  await placeInDay(order, day)
  const period = { from: day, to: nextDay(day) }
  const inOrder = (accounts: readonly Account[]) => order.filter((account) => accounts.includes(account))
  await expectExport({ ...period, status: 'suspended' }, inOrder(suspended), 'the suspended customers of the day: one came on their own, one was invited')
  await expectExport({ ...period, status: 'active' }, inOrder([...own.slice(1), ...invited.slice(1)]), 'the active customers of the day')
  await expectExport({ ...period, referredBy: inviter.id, status: 'active' }, inOrder(invited.slice(1)), `the active customers invited by ${inviter.email}`)
  await expectExport(period, order, 'every customer of the day')
})

scenarioTest('A day on which nobody was invited exports every customer with empty referral columns', async () => {
  const customers: Account[] = []
  for (let i = random.int(2, 4); i > 0; i--) customers.push(await signUp(person(), 'a customer who came without an invitation'))
  const day = pastDay()
  await placeInDay(customers, day)
  await expectExport({ from: day, to: nextDay(day) }, customers, `${customers.length} customers that day, none of them invited`)
})
