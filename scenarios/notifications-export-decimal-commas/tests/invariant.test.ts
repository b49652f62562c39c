import { check, expectEqual, expectStatus, random, scenarioTest, service } from '@debug-drills/drill-kit'
import { COLUMNS, describe, downloadExport, euros, phone, putTemplate, send, sendMix, storedDelivery, templateKey, words } from './notifications.js'

/** An amount column read leniently (either decimal mark), to check its value whatever its format. */
const cents = (text: string) => Math.round(Number(text.replace(',', '.')) * 100)

scenarioTest('The export lists every delivery of the range once, from its first to its last millisecond, with what was stored', async () => {
  const { day, deliveries, outside } = await sendMix()
  const { path, header, rows } = await downloadExport(day, day)
  expectEqual(header, [...COLUMNS], `The header of GET ${path}`)
  expectEqual(rows.map((row) => row.delivery_id), deliveries.map((delivery) => delivery.id), `The delivery ids listed by GET ${path}, oldest first (sent at ${deliveries.map((d) => d.sentAt).join(', ')})`)
  for (const delivery of outside) check(!rows.some((row) => row.delivery_id === delivery.id), `GET ${path} lists ${describe(delivery)}, sent outside ${day}.`)
  for (const delivery of deliveries) {
    const row = rows.find((candidate) => candidate.delivery_id === delivery.id)!
    const stored = await storedDelivery(delivery.id)
    expectEqual(
      { sent_at: row.sent_at, channel: row.channel, template: row.template, locale: row.locale, recipient: row.recipient, units: row.units, unit_price: cents(row.unit_price_eur), cost: cents(row.cost_eur) },
      {
        sent_at: stored.sent_at.toISOString(),
        channel: stored.channel,
        template: stored.template_key,
        locale: stored.locale,
        recipient: stored.recipient,
        units: String(stored.units),
        unit_price: stored.unit_price_cents,
        cost: stored.cost_cents
      },
      `The line of ${describe(delivery)} in GET ${path} (amounts in cents)`
    )
  }
})

scenarioTest("Messages write money and dates the way the recipient's language does", async () => {
  const key = templateKey()
  await Promise.all([
    putTemplate(key, 'en', 'email', 'Hello {{name}}, please pay {{amount|money}} by {{due|date}}.', 'Invoice {{invoice}}'),
    putTemplate(key, 'de', 'sms', 'Bitte zahlen Sie {{amount|money}} bis {{due|date}}.'),
    putTemplate(key, 'fr', 'sms', 'Merci de payer {{amount|money}} avant le {{due|date}}.')
  ])
  const amounts = [0, random.int(1, 99), random.int(100_000, 9_999_999), random.cents()]
  const cases = amounts.map((amount) => ({ amount, locale: random.pick(['de', 'de-AT', 'fr', 'en', 'en-GB']), currency: random.pick(['EUR', 'EUR', 'CHF', 'GBP']) }))
  for (const [i, locale] of ['de', 'fr', 'en'].entries()) cases[i]!.locale = locale
  for (const { amount, locale, currency } of cases) {
    const due = `${random.int(2025, 2027)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
    const channel = locale.startsWith('en') ? 'email' : 'sms'
    const delivery = await send({ template: key, channel, recipient: channel === 'sms' ? phone() : random.email(), locale, currency, variables: { name: random.firstName(), invoice: String(random.int(1000, 9999)), amount, due } })
    const money = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount / 100)
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${due}T00:00:00Z`))
    check(
      delivery.body.includes(money) && delivery.body.includes(date),
      `POST /notifications to ${describe({ ...delivery, locale })} with ${amount} cents ${currency} due ${due} sent "${delivery.body}"; expected the amount as ${money} and the date as ${date}.`
    )
  }
})

scenarioTest('Sending stores the message, its segments and its price', async () => {
  const key = templateKey()
  await Promise.all([putTemplate(key, 'de', 'sms', '{{text}}'), putTemplate(key, 'de', 'email', '{{text}}', 'Hinweis')])
  for (const [length, units] of [[160, 1], [161, 2], [306, 2], [307, 3], [random.int(308, 2_000), 0]] as const) {
    const text = words(length)
    const delivery = await send({ template: key, channel: 'sms', recipient: phone(), locale: 'de', variables: { text } })
    const expectedUnits = units || Math.ceil(length / 153)
    const stored = await storedDelivery(delivery.id)
    expectEqual(
      { body: stored.body, units: stored.units, unit_price_cents: stored.unit_price_cents, cost_cents: stored.cost_cents },
      { body: text, units: expectedUnits, unit_price_cents: 7, cost_cents: expectedUnits * 7 },
      `The stored delivery of an SMS of ${length} characters`
    )
  }
  const email = await send({ template: key, channel: 'email', recipient: random.email(), locale: 'de', variables: { text: words(random.int(10, 2_000)) } })
  const stored = await storedDelivery(email.id)
  expectEqual([stored.units, stored.cost_cents, euros(stored.cost_cents)], [1, 0, '0.00'], 'Units, cost in cents and in euros of a stored e-mail')
})

scenarioTest('Bad requests get their own answers', async () => {
  const key = templateKey()
  await putTemplate(key, 'en', 'sms', 'Code {{code}}')
  const cases = [
    [service.get('/reports/deliveries.csv?from=2025-03-02&to=2025-03-01'), 400, 'an export range that ends before it starts'],
    [service.get('/reports/deliveries.csv?from=2023-01-01&to=2024-12-31'), 400, 'an export range of two years'],
    [service.post('/notifications', { template: templateKey(), channel: 'sms', recipient: phone(), locale: 'en', variables: {} }), 422, 'a template that does not exist'],
    [service.post('/notifications', { template: key, channel: 'sms', recipient: random.email(), locale: 'en', variables: { code: '1' } }), 422, 'an SMS to an e-mail address'],
    [service.post('/notifications', { template: key, channel: 'sms', recipient: phone(), locale: 'en', variables: {} }), 422, 'a missing variable'],
    [service.get('/reports/deliveries.csv?from=2025-03-01&to=2025-03-01', { token: null }), 401, 'no API key']
  ] as const
  for (const [pending, status, what] of cases) expectStatus(await pending, status, what)
})
