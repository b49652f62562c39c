import { check, random, scenarioTest } from '@debug-drills/drill-kit'
import {
  campaign,
  deliveriesTo,
  describeRecipient,
  expectDelivered,
  expectStillAnswering,
  namelessRecipient,
  ordinaryRecipient,
  sendBroadcast,
  settled,
  sharedVariables,
  storedMessages,
  type Campaign,
  type Recipient,
  type Sent,
  type StoredMessage
} from './broadcasts.js'

/** The refused recipient's message must end failed, with a reason naming what was wrong, and send nothing. */
async function expectFailed(sent: Sent, r: Recipient, message: StoredMessage | undefined, variable: string, what: string): Promise<void> {
  const who = `the message to ${describeRecipient(r)} of ${sent.request} (${what})`
  check(message, `${sent.request} accepted ${describeRecipient(r)}, but broadcast_messages has no row for it.`)
  check(message.status === 'failed', `${who} ended ${message.status} in broadcast_messages; expected failed, with the reason.`)
  check(
    typeof message.reason === 'string' && message.reason.includes(variable),
    `${who} is failed with the reason ${JSON.stringify(message.reason)}; the sender needs a reason that names the variable "${variable}".`
  )
  check(message.delivery_id === null, `${who} failed, but points at delivery ${message.delivery_id}.`)
  const sentTo = await deliveriesTo(r.recipient)
  check(sentTo === 0, `${who} failed, but the deliveries table holds ${sentTo} message(s) to ${r.recipient}.`)
}

/** Sends a broadcast with the odd recipients at the given positions and checks every message and the service afterwards. */
async function broadcastWithOddOnes(c: Campaign, size: number, odd: Map<number, { recipient: Recipient; variable: string; what: string }>): Promise<void> {
  const variables = sharedVariables(c)
  const recipients = Array.from({ length: size }, (_, position) => odd.get(position)?.recipient ?? ordinaryRecipient(c))
  const sent = await sendBroadcast(c, variables, recipients)
  const answer = await settled(sent)
  const stored = await storedMessages(sent.broadcast.id)
  check(stored.length === size, `${sent.request} stored ${stored.length} messages in broadcast_messages; expected one per recipient, ${size}.`)
  for (const [position, r] of recipients.entries()) {
    const message = stored.find((row) => row.position === position)
    const oddOne = odd.get(position)
    if (oddOne) await expectFailed(sent, r, message, oddOne.variable, oddOne.what)
    else await expectDelivered(sent, c, variables, r, message)
  }
  const failed = odd.size
  check(
    answer.counts.sent === size - failed && answer.counts.failed === failed,
    `GET /broadcasts/${sent.broadcast.id} counts ${JSON.stringify(answer.counts)}; expected ${JSON.stringify({ pending: 0, sent: size - failed, failed })}.`
  )
  await expectStillAnswering(`${sent.request} with ${[...odd.values()].map((o) => `${describeRecipient(o.recipient)} (${o.what})`).join(', ')}`)
}

scenarioTest("A recipient whose template needs a variable they lack does not stop the broadcast or the service", async () => {
  const c = await campaign()
  const size = random.int(5, 9)
  const position = random.int(1, size - 2)
  const r = namelessRecipient(c)
  await broadcastWithOddOnes(c, size, new Map([[position, { recipient: r, variable: c.nameVariable, what: `its ${r.locale} template greets by {{${c.nameVariable}}}, which this recipient does not have` }]]))
})

scenarioTest('The first and the last recipient can each be the one whose message cannot be written', async () => {
  const c = await campaign()
  const size = random.int(3, 6)
  const first = namelessRecipient(c)
  const last = namelessRecipient(c)
  await broadcastWithOddOnes(
    c,
    size,
    new Map([
      [0, { recipient: first, variable: c.nameVariable, what: `no {{${c.nameVariable}}} for the ${first.locale} template` }],
      [size - 1, { recipient: last, variable: c.nameVariable, what: `no {{${c.nameVariable}}} for the ${last.locale} template` }]
    ])
  )
})

scenarioTest('A price given as text instead of cents fails that message alone', async () => {
  const c = await campaign({ price: true })
  const size = random.int(4, 7)
  const position = random.int(0, size - 1)
  const base = ordinaryRecipient(c)
  const euros = `${random.int(1, 300)},${String(random.int(0, 99)).padStart(2, '0')}`
  const r = { ...base, variables: { ...base.variables, [c.priceVariable!]: random.pick([euros, `${euros} €`, `EUR ${euros}`]) } }
  await broadcastWithOddOnes(c, size, new Map([[position, { recipient: r, variable: c.priceVariable!, what: `its ${c.priceVariable} is ${JSON.stringify(r.variables[c.priceVariable!])}, not cents` }]]))
})

scenarioTest('Two broadcasts sent at once, each with one message that cannot be written, both finish', async () => {
  const [a, b] = await Promise.all([campaign(), campaign({ price: true })])
  const sizeA = random.int(3, 6)
  const sizeB = random.int(3, 6)
  const ra = namelessRecipient(a)
  const rb = namelessRecipient(b)
  await Promise.all([
    broadcastWithOddOnes(a, sizeA, new Map([[random.int(0, sizeA - 1), { recipient: ra, variable: a.nameVariable, what: `no {{${a.nameVariable}}} for the ${ra.locale} template` }]])),
    broadcastWithOddOnes(b, sizeB, new Map([[random.int(0, sizeB - 1), { recipient: rb, variable: b.nameVariable, what: `no {{${b.nameVariable}}} for the ${rb.locale} template` }]]))
  ])
})
