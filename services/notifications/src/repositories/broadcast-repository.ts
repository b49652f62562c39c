import type { Broadcast, BroadcastMessage, Channel, MessageStatus, PrismaClient } from '../generated/prisma/client.js'
import type { Variables } from '../domain/rendering.js'

export interface NewBroadcast {
  templateKey: string
  channel: Channel
  currency: string
  variables: Variables
  requestId: string | null
  sentBy: string | null
  recipients: { recipient: string; locale: string; variables: Variables }[]
}

export type BroadcastWithMessages = Broadcast & { messages: BroadcastMessage[] }

export type BroadcastRepository = ReturnType<typeof createBroadcastRepository>

const inOrder = { messages: { orderBy: { position: 'asc' } } } as const

export function createBroadcastRepository(db: PrismaClient) {
  return {
    /** The broadcast and one pending message per recipient, in the request's order, in one transaction. */
    create({ recipients, ...broadcast }: NewBroadcast): Promise<BroadcastWithMessages> {
      return db.broadcast.create({
        data: { ...broadcast, messages: { create: recipients.map((recipient, position) => ({ ...recipient, position })) } },
        include: inOrder
      })
    },

    get(id: string): Promise<BroadcastWithMessages | null> {
      return db.broadcast.findUnique({ where: { id }, include: inOrder })
    },

    markSent(messageId: string, deliveryId: string): Promise<BroadcastMessage> {
      return db.broadcastMessage.update({ where: { id: messageId }, data: { status: 'sent' satisfies MessageStatus, deliveryId, reason: null } })
    },

    markFailed(messageId: string, reason: string): Promise<BroadcastMessage> {
      return db.broadcastMessage.update({ where: { id: messageId }, data: { status: 'failed' satisfies MessageStatus, reason } })
    }
  }
}
