import { InvalidRecipientError, SubjectRequiredError, UnknownTemplateError } from '../domain/errors.js'
import { priceOf, type Prices } from '../domain/pricing.js'
import { isValidRecipient } from '../domain/recipients.js'
import { render, type Variables } from '../domain/rendering.js'
import type { Channel, Delivery, Template } from '../generated/prisma/client.js'
import type { DeliveryRepository } from '../repositories/delivery-repository.js'
import type { TemplateKey, TemplateRepository, TemplateText } from '../repositories/template-repository.js'

export interface NotificationServiceDeps {
  templates: TemplateRepository
  deliveries: DeliveryRepository
  fallbackLocale: string
  prices: Prices
}

export interface SendRequest {
  template: string
  channel: Channel
  recipient: string
  /** The recipient's locale, "de" or "de-AT"; the closest template wins. */
  locale: string
  currency: string
  variables: Variables
  requestId: string | null
  sentBy: string | null
}

export type NotificationService = ReturnType<typeof createNotificationService>

/** The locales to try for a recipient, most specific first: "de-AT", "de", then the fallback. */
export function candidateLocales(locale: string, fallback: string): string[] {
  const language = locale.split('-')[0]!
  return [...new Set([locale, language, fallback])]
}

export function createNotificationService({ templates, deliveries, fallbackLocale, prices }: NotificationServiceDeps) {
  async function resolve(key: string, channel: Channel, locale: string): Promise<Template> {
    for (const candidate of candidateLocales(locale, fallbackLocale)) {
      const template = await templates.find({ key, locale: candidate, channel })
      if (template) return template
    }
    throw new UnknownTemplateError(key, channel)
  }

  return {
    listTemplates: (filter: { key?: string; locale?: string }) => templates.list(filter),

    async putTemplate(id: TemplateKey, text: TemplateText, updatedBy: string | null): Promise<Template> {
      if ((id.channel === 'email') !== (text.subject !== null)) throw new SubjectRequiredError()
      return templates.put(id, text, updatedBy)
    },

    removeTemplate: (id: TemplateKey) => templates.remove(id),

    /** The template a recipient in `locale` gets: theirs, their language's or the fallback locale's; 422 if none. */
    templateFor: (key: string, channel: Channel, locale: string) => resolve(key, channel, locale),

    /** Renders the message in the recipient's locale, prices it and records the delivery. */
    async send(request: SendRequest): Promise<Delivery> {
      if (!isValidRecipient(request.channel, request.recipient)) throw new InvalidRecipientError(request.recipient, request.channel)
      const template = await resolve(request.template, request.channel, request.locale)
      const context = { locale: request.locale, currency: request.currency }
      const subject = template.subject === null ? null : render(template.key, template.subject, request.variables, context)
      const body = render(template.key, template.body, request.variables, context)
      return deliveries.create({
        templateKey: template.key,
        locale: template.locale,
        channel: request.channel,
        recipient: request.recipient,
        subject,
        body,
        ...priceOf(request.channel, body, prices),
        requestId: request.requestId,
        sentBy: request.sentBy
      })
    },

    getDelivery: (id: string) => deliveries.get(id)
  }
}
