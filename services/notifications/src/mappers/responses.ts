import { placeholders } from '../domain/rendering.js'
import type { BroadcastWithMessages } from '../repositories/broadcast-repository.js'
import type { Delivery, Template } from '../generated/prisma/client.js'
import type { BroadcastResponse } from '../schemas/broadcasts.js'
import type { DeliveryResponse } from '../schemas/notifications.js'
import type { TemplateResponse } from '../schemas/templates.js'

export function toTemplateResponse(template: Template): TemplateResponse {
  return {
    key: template.key,
    locale: template.locale,
    channel: template.channel,
    subject: template.subject,
    body: template.body,
    placeholders: placeholders(`${template.subject ?? ''} ${template.body}`),
    updatedAt: template.updatedAt.toISOString(),
    updatedBy: template.updatedBy
  }
}

export function toDeliveryResponse(delivery: Delivery): DeliveryResponse {
  return {
    id: delivery.id,
    template: delivery.templateKey,
    locale: delivery.locale,
    channel: delivery.channel,
    recipient: delivery.recipient,
    subject: delivery.subject,
    body: delivery.body,
    units: delivery.units,
    unitPriceCents: delivery.unitPriceCents,
    costCents: delivery.costCents,
    requestId: delivery.requestId,
    sentAt: delivery.sentAt.toISOString()
  }
}

export function toBroadcastResponse(broadcast: BroadcastWithMessages): BroadcastResponse {
  const counts = { pending: 0, sent: 0, failed: 0 }
  for (const message of broadcast.messages) counts[message.status]++
  return {
    id: broadcast.id,
    template: broadcast.templateKey,
    channel: broadcast.channel,
    currency: broadcast.currency,
    requestId: broadcast.requestId,
    createdAt: broadcast.createdAt.toISOString(),
    counts,
    messages: broadcast.messages.map((message) => ({
      position: message.position,
      recipient: message.recipient,
      locale: message.locale,
      status: message.status,
      reason: message.reason,
      deliveryId: message.deliveryId
    }))
  }
}
