import fp from 'fastify-plugin'
import { AccountNotFoundError, EmailTakenError } from '../domain/errors.js'
import { normaliseEmail } from '../domain/email.js'
import { Prisma, type Account } from '../generated/prisma/client.js'

export interface NewAccount {
  email: string
  displayName: string
}

export interface AccountChanges {
  email?: string
  displayName?: string
}

export interface AccountPage {
  accounts: Account[]
  nextCursor: string | null
}

declare module 'fastify' {
  interface FastifyInstance {
    accountsRepository: ReturnType<typeof createAccountsRepository>
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}

function isMissingRecord(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025'
}

export function createAccountsRepository(prisma: Prisma.TransactionClient) {
  return {
    async create({ email, displayName }: NewAccount): Promise<Account> {
      const normalised = normaliseEmail(email)
      try {
        return prisma.account.create({ data: { email: normalised, displayName } })
      } catch (error) {
        if (isUniqueViolation(error)) throw new EmailTakenError(normalised)
        throw error
      }
    },

    async findById(id: string): Promise<Account> {
      const account = await prisma.account.findUnique({ where: { id } })
      if (!account) throw new AccountNotFoundError(id)
      return account
    },

    async list({ limit, cursor }: { limit: number; cursor?: string }): Promise<AccountPage> {
      const accounts = await prisma.account.findMany({
        take: limit + 1,
        ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
        orderBy: { id: 'asc' }
      })
      const hasMore = accounts.length > limit
      const page = hasMore ? accounts.slice(0, limit) : accounts
      return { accounts: page, nextCursor: hasMore ? (page.at(-1)?.id ?? null) : null }
    },

    async update(id: string, changes: AccountChanges): Promise<Account> {
      const email = changes.email === undefined ? undefined : normaliseEmail(changes.email)
      try {
        return await prisma.account.update({ where: { id }, data: { ...changes, email } })
      } catch (error) {
        if (isMissingRecord(error)) throw new AccountNotFoundError(id)
        if (isUniqueViolation(error) && email) throw new EmailTakenError(email)
        throw error
      }
    },

    async remove(id: string): Promise<void> {
      try {
        await prisma.account.delete({ where: { id } })
      } catch (error) {
        if (isMissingRecord(error)) throw new AccountNotFoundError(id)
        throw error
      }
    }
  }
}

export default fp(
  async (fastify) => {
    fastify.decorate('accountsRepository', createAccountsRepository(fastify.prisma))
  },
  { name: 'accounts-repository', dependencies: ['prisma'] }
)
