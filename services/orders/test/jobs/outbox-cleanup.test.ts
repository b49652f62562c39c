import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOutboxCleanup } from '../../src/jobs/outbox-cleanup.js'
import { buildTestApp, silentLog, type App } from '../helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

const now = new Date('2026-11-20T12:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)

describe('outbox clean-up', () => {
  it('deletes delivered events older than the retention, in chunks, and keeps everything else', async () => {
    const event = (orderId: number, fields: { deliveredAt?: Date; failedAt?: Date }) => ({ type: 'order.placed', orderId, payload: {}, ...fields })
    await app.prisma.outboxEvent.createMany({
      data: [
        event(1, { deliveredAt: daysAgo(45) }),
        event(2, { deliveredAt: daysAgo(31) }),
        event(3, { deliveredAt: daysAgo(30.5) }),
        event(4, { deliveredAt: daysAgo(29) }),
        event(5, { failedAt: daysAgo(60) }),
        event(6, {})
      ]
    })
    const cleanUp = createOutboxCleanup({ outbox: app.repositories.outbox, retentionDays: 30, log: silentLog, chunkSize: 2, now: () => now })
    expect(await cleanUp()).toBe(3)
    const kept = await app.prisma.outboxEvent.findMany({ orderBy: { orderId: 'asc' }, select: { orderId: true } })
    expect(kept.map((row) => row.orderId)).toEqual([4, 5, 6])
    expect(await cleanUp()).toBe(0)
  })
})
