import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAccountsRepository } from '../src/repositories/accounts-repository.js'
import { ACCOUNT_EMAIL_UNIQUE, isUniqueViolation } from '../src/repositories/prisma-errors.js'
import { createUnitOfWork } from '../src/repositories/unit-of-work.js'
import type { App } from './helper.js'
import { buildTestApp, newPerson } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

const row = () => ({ ...newPerson(), locale: 'en-GB', timeZone: 'UTC', marketingOptIn: false, createdBy: 'tests' })

describe('isUniqueViolation', () => {
  it('recognises the e-mail constraint in what the database reports', async () => {
    const accounts = createAccountsRepository(app.prisma)
    const first = await accounts.insert(row())
    const error = await accounts.insert({ ...row(), email: first.email }).catch((caught: unknown) => caught)
    expect(isUniqueViolation(error, ACCOUNT_EMAIL_UNIQUE)).toBe(true)
  })

  it('does not mistake another unique constraint for the e-mail one', async () => {
    const id = randomUUID()
    await app.prisma.account.create({ data: { ...row(), id } })
    const error = await app.prisma.account.create({ data: { ...row(), id } }).catch((caught: unknown) => caught)
    expect(isUniqueViolation(error, ACCOUNT_EMAIL_UNIQUE)).toBe(false)
    expect(isUniqueViolation(new Error('Unique constraint failed'), ACCOUNT_EMAIL_UNIQUE)).toBe(false)
  })
})

describe('the unit of work', () => {
  it('commits every write of the work together', async () => {
    const inTransaction = createUnitOfWork(app.prisma)
    const account = await inTransaction(async ({ accounts, history }) => {
      const account = await accounts.insert(row())
      await history.append({ accountId: account.id, type: 'account.created', actor: 'tests' })
      return account
    })
    expect(await app.prisma.accountEvent.count({ where: { accountId: account.id } })).toBe(1)
  })

  it('keeps none of them when the work fails', async () => {
    const inTransaction = createUnitOfWork(app.prisma)
    const person = row()
    const failure = inTransaction(async ({ accounts, outbox }) => {
      const account = await accounts.insert(person)
      await outbox.enqueue({ topic: 'account.created', aggregateId: account.id, payload: { account: { id: account.id } } })
      throw new Error('the partner check failed')
    })
    await expect(failure).rejects.toThrow('the partner check failed')
    expect(await app.prisma.account.count({ where: { email: person.email } })).toBe(0)
    expect(await app.prisma.outboxMessage.count()).toBe(0)
  })
})
