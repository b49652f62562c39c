import { DomainError } from '@debug-drills/service-kit'
import type { FastifyBaseLogger } from 'fastify'
import { InvalidRecipientError } from '../domain/errors.js'
import { isValidRecipient } from '../domain/recipients.js'
import type { Variables } from '../domain/rendering.js'
import type { BroadcastMessage, Channel } from '../generated/prisma/client.js'
import type { BroadcastRepository, BroadcastWithMessages } from '../repositories/broadcast-repository.js'
import type { NotificationService } from './notification-service.js'

export interface BroadcastRequest {
  template: string
  channel: Channel
  currency: string
  /** Every message gets these; a recipient's own variables win. */
  variables: Variables
  recipients: { recipient: string; locale: string; variables: Variables }[]
  requestId: string | null
  sentBy: string | null
}

export interface BroadcastServiceDeps {
  notifications: NotificationService
  broadcasts: BroadcastRepository
  log: FastifyBaseLogger
}

export type BroadcastService = ReturnType<typeof createBroadcastService>

/** What a failed message's `reason` says: the sender's mistake as the API words it, else a pointer to the log. */
function reasonOf(error: unknown): string {
  return error instanceof DomainError ? error.message : 'The message could not be sent; the service log has the error'
}

export function createBroadcastService({ notifications, broadcasts, log }: BroadcastServiceDeps) {
  const running = new Set<Promise<void>>()

  async function sendMessage(broadcast: BroadcastWithMessages, message: BroadcastMessage): Promise<void> {
    const delivery = await notifications.send({
      template: broadcast.templateKey,
      channel: broadcast.channel,
      recipient: message.recipient,
      locale: message.locale,
      currency: broadcast.currency,
      variables: { ...(broadcast.variables as Variables), ...(message.variables as Variables) },
      requestId: broadcast.requestId,
      sentBy: broadcast.sentBy
    })
    await broadcasts.markSent(message.id, delivery.id)
  }

  /** Sends the messages one after another; a message that cannot be sent is recorded as failed, with why. */
  async function run(broadcast: BroadcastWithMessages): Promise<void> {
    for (const message of broadcast.messages) {
      try {
        await sendMessage(broadcast, message)
      } catch (error) {
        if (!(error instanceof DomainError)) log.error({ err: error, broadcast: broadcast.id, message: message.id }, 'broadcast message failed')
        await broadcasts.markFailed(message.id, reasonOf(error))
      }
    }
    log.info({ broadcast: broadcast.id, messages: broadcast.messages.length }, 'broadcast finished')
  }

  return {
    /**
     * Checks what can be checked for the whole broadcast (every recipient's address, a template for every
     * locale), stores it with its messages pending, and starts sending them once it is stored: the caller
     * gets 202 at once and reads each message's outcome with `get`.
     */
    async accept(request: BroadcastRequest): Promise<BroadcastWithMessages> {
      for (const { recipient } of request.recipients) {
        if (!isValidRecipient(request.channel, recipient)) throw new InvalidRecipientError(recipient, request.channel)
      }
      for (const locale of new Set(request.recipients.map((recipient) => recipient.locale))) {
        await notifications.templateFor(request.template, request.channel, locale)
      }
      const broadcast = await broadcasts.create({
        templateKey: request.template,
        channel: request.channel,
        currency: request.currency,
        variables: request.variables,
        requestId: request.requestId,
        sentBy: request.sentBy,
        recipients: request.recipients
      })
      const sending = run(broadcast)
        .catch((error: unknown) => log.error({ err: error, broadcast: broadcast.id }, 'broadcast stopped'))
        .finally(() => running.delete(sending))
      running.add(sending)
      return broadcast
    },

    get: (id: string) => broadcasts.get(id),

    /** Waits for the broadcasts being sent, so that closing the app does not cut one off mid-message. */
    async drain(): Promise<void> {
      await Promise.all(running)
    }
  }
}
