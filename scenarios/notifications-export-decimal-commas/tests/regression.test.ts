import { check, expectEqual, expectStatus, scenarioTest, service } from '@debug-drills/drill-kit'
import { describe, downloadExport, euros, sendMix, storedDelivery, type Channel } from './notifications.js'

const DECIMAL = /^\d+\.\d{2}$/

scenarioTest('Every amount in the delivery export is euros with a decimal point, whoever the message went to', async () => {
  const { day, deliveries } = await sendMix()
  const { path, rows } = await downloadExport(day, day)
  for (const delivery of deliveries) {
    const row = rows.find((candidate) => candidate.delivery_id === delivery.id)
    check(row, `GET ${path} has no line for ${describe(delivery)} (delivery ${delivery.id}), sent ${delivery.sentAt}.`)
    const stored = await storedDelivery(delivery.id)
    for (const [column, cents] of [['unit_price_eur', stored.unit_price_cents], ['cost_eur', stored.cost_cents]] as const) {
      check(
        DECIMAL.test(row[column]) && row[column] === euros(cents),
        `GET ${path} wrote ${column} ${JSON.stringify(row[column])} for ${describe(delivery)}; finance's importer expects euros with a decimal point: ${euros(cents)} (the deliveries table holds ${cents} cents).`
      )
    }
  }
})

scenarioTest("The export's costs, summed per channel as finance does, match the delivery report", async () => {
  const { day } = await sendMix()
  const { path, rows } = await downloadExport(day, day)
  const report = await service.get<{ channels: { channel: Channel; deliveries: number; costCents: number }[] }>(`/reports/deliveries?from=${day}&to=${day}`)
  expectStatus(report, 200, 'reading the delivery report')
  for (const { channel, deliveries, costCents } of report.body.channels) {
    const lines = rows.filter((row) => row.channel === channel)
    expectEqual(lines.length, deliveries, `The number of ${channel} lines in GET ${path}`)
    const unreadable = lines.find((row) => !DECIMAL.test(row.cost_eur))
    check(!unreadable, `GET ${path} wrote cost_eur ${JSON.stringify(unreadable?.cost_eur)} for delivery ${unreadable?.delivery_id}, which finance's importer cannot read as a number (it expects e.g. 0.07).`)
    const sum = lines.reduce((total, row) => total + Math.round(Number(row.cost_eur) * 100), 0)
    expectEqual(euros(sum), euros(costCents), `The sum of cost_eur over the ${channel} lines of GET ${path} (the report says ${euros(costCents)})`)
  }
})

scenarioTest('The export of one channel writes its amounts with a decimal point too', async () => {
  const { day, deliveries } = await sendMix()
  for (const channel of ['sms', 'email'] as const) {
    const { path, rows } = await downloadExport(day, day, channel)
    const expected = deliveries.filter((delivery) => delivery.channel === channel)
    expectEqual(rows.map((row) => row.delivery_id).sort(), expected.map((delivery) => delivery.id).sort(), `The delivery ids listed by GET ${path}`)
    for (const delivery of expected) {
      const row = rows.find((candidate) => candidate.delivery_id === delivery.id)!
      expectEqual([row.unit_price_eur, row.cost_eur], [euros(delivery.unitPriceCents), euros(delivery.costCents)], `unit_price_eur and cost_eur in GET ${path} for ${describe(delivery)}`)
    }
  }
})
