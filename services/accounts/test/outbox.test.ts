import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp, signUp } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})
beforeEach(async () => {
  await app.prisma.outboxMessage.deleteMany()
})

const messagesFor = (aggregateId: string) => app.prisma.outboxMessage.findMany({ where: { aggregateId }, orderBy: { id: 'asc' } })

describe('the outbox', () => {
  it('gets a message for every change, written with the change', async () => {
    const account = await signUp(app)
    await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${account.id}`, payload: { marketingOptIn: true } })
    await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${account.id}/suspend`, payload: { reason: 'fraud review' } })
    await app.inject({ headers: authorised, method: 'POST', url: `/accounts/${account.id}/reactivate` })
    const messages = await messagesFor(account.id)
    expect(messages.map((message) => message.topic)).toEqual(['account.created', 'account.updated', 'account.suspended', 'account.reactivated'])
    expect(messages[1]?.payload).toMatchObject({ account: { id: account.id, marketingOptIn: true }, changedFields: ['marketingOptIn'] })
  })

  it('gets nothing when the change is refused', async () => {
    const owner = await signUp(app)
    const mover = await signUp(app)
    await app.prisma.outboxMessage.deleteMany()
    const response = await app.inject({ headers: authorised, method: 'PATCH', url: `/accounts/${mover.id}`, payload: { email: owner.email } })
    expect(response.statusCode).toBe(409)
    expect(await app.prisma.outboxMessage.count()).toBe(0)
    expect(await app.prisma.accountEvent.count({ where: { accountId: mover.id, type: 'account.updated' } })).toBe(0)
  })
})
