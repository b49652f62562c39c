import { check, database, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import {
  campaign,
  describeRecipient,
  expectDelivered,
  ordinaryRecipient,
  phone,
  sendBroadcast,
  settled,
  sharedVariables,
  storedMessages,
  templateKey,
  putTemplate,
  type Broadcast
} from './broadcasts.js'

scenarioTest("A broadcast is accepted at once and every recipient gets the message in their own locale", async () => {
  for (const options of [{ channel: 'sms' as const }, { channel: 'email' as const, price: true }]) {
    const c = await campaign(options)
    const variables = sharedVariables(c)
    // Every kind of locale every run: one with its own template, a regional one, one that falls back to English.
    const recipients = [
      ordinaryRecipient(c, c.personal),
      ordinaryRecipient(c, random.pick(['de-AT', 'fr-BE', 'es-MX', 'en-GB'])),
      ordinaryRecipient(c, random.pick(c.fallbacks)),
      ...Array.from({ length: random.int(0, 4) }, () => ordinaryRecipient(c))
    ]
    // A recipient's own variable wins over the broadcast's.
    const own = random.int(0, recipients.length - 1)
    recipients[own] = { ...recipients[own]!, variables: { ...recipients[own]!.variables, [c.productVariable]: random.productName() } }

    const sent = await sendBroadcast(c, variables, recipients)
    const accepted = sent.broadcast
    check(
      JSON.stringify(accepted.messages.map((m) => [m.position, m.recipient, m.locale])) === JSON.stringify(recipients.map((r, i) => [i, r.recipient, r.locale])),
      `${sent.request} answered the messages ${JSON.stringify(accepted.messages.map((m) => `${m.recipient} (${m.locale})`))}; expected one per recipient, in the request's order.`
    )
    const answer = await settled(sent)
    const stored = await storedMessages(accepted.id)
    for (const [position, r] of recipients.entries()) await expectDelivered(sent, c, variables, r, stored.find((row) => row.position === position))
    check(
      answer.counts.sent === recipients.length && answer.counts.failed === 0,
      `GET /broadcasts/${accepted.id} counts ${JSON.stringify(answer.counts)}; expected all ${recipients.length} sent.`
    )
    for (const message of answer.messages) {
      const row = stored.find((candidate) => candidate.position === message.position)
      check(
        row && row.status === message.status && row.delivery_id === message.deliveryId,
        `GET /broadcasts/${accepted.id} says ${message.recipient} is ${message.status} (delivery ${message.deliveryId}); broadcast_messages says ${row?.status} (delivery ${row?.delivery_id}).`
      )
    }
  }
})

scenarioTest('A broadcast that cannot start is refused as a whole, and nothing of it is stored', async () => {
  const c = await campaign({ channel: 'sms' })
  const variables = sharedVariables(c)
  const good = [ordinaryRecipient(c), ordinaryRecipient(c)]
  const cases = [
    { what: `a landline number without country code among ${good.map(describeRecipient).join(', ')}`, body: { template: c.key, channel: 'sms', variables, recipients: [...good, { recipient: `0${random.int(30_000_000, 89_999_999)}`, locale: 'de' }] }, status: 422 },
    { what: 'a template that does not exist', body: { template: templateKey(), channel: 'sms', variables, recipients: good }, status: 422 },
    { what: `e-mail, for which ${c.key} has no template`, body: { template: c.key, channel: 'email', variables, recipients: good.map((r) => ({ ...r, recipient: random.email() })) }, status: 422 },
    { what: 'no recipients', body: { template: c.key, channel: 'sms', variables, recipients: [] }, status: 400 }
  ]
  for (const { what, body, status } of cases) {
    const response = await service.post('/broadcasts', body)
    expectStatus(response, status, `a broadcast with ${what}`)
  }
  const [row] = await database.query<{ count: string }>('SELECT count(*) AS count FROM broadcasts WHERE template_key = $1', [c.key])
  check(Number(row?.count) === 0, `After the refused broadcasts of ${c.key}, the broadcasts table holds ${row?.count} of them; a refused broadcast stores nothing.`)
  const unknown = await service.get<Broadcast>(`/broadcasts/${crypto.randomUUID()}`)
  expectStatus(unknown, 404, 'a broadcast that does not exist')
})

scenarioTest('A single message still refuses a missing or malformed variable with 422, and stores nothing', async () => {
  const key = templateKey()
  await putTemplate(key, 'de', 'sms', 'Hallo {{name}}, Ihre Rechnung über {{amount|money}} ist fällig.')
  const recipient = phone()
  const cases = [
    { what: 'without name', variables: { amount: random.cents() } },
    { what: 'with the amount as text', variables: { name: random.firstName(), amount: `${random.int(1, 99)},00 €` } }
  ]
  for (const { what, variables } of cases) {
    const response = await service.post('/notifications', { template: key, channel: 'sms', recipient, locale: 'de', variables })
    expectStatus(response, 422, `POST /notifications ${what}`)
  }
  const ok = await service.post<{ id: string }>('/notifications', { template: key, channel: 'sms', recipient, locale: 'de-AT', variables: { name: random.firstName(), amount: random.cents() } })
  expectStatus(ok, 201, 'POST /notifications with every variable')
  const rows = await database.query<{ id: string }>('SELECT id FROM deliveries WHERE recipient = $1', [recipient])
  check(rows.length === 1 && rows[0]!.id === ok.body.id, `The deliveries table holds ${rows.length} message(s) to ${recipient}; expected only the one sent with every variable.`)
})
