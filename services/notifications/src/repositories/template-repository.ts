import { TemplateNotFoundError } from '../domain/errors.js'
import type { Channel, PrismaClient, Template } from '../generated/prisma/client.js'
import { isPrismaError, RECORD_NOT_FOUND } from './database.js'

export interface TemplateKey {
  key: string
  locale: string
  channel: Channel
}

export interface TemplateText {
  subject: string | null
  body: string
}

export type TemplateRepository = ReturnType<typeof createTemplateRepository>

export function createTemplateRepository(db: PrismaClient) {
  return {
    list(filter: { key?: string; locale?: string }): Promise<Template[]> {
      return db.template.findMany({ where: filter, orderBy: [{ key: 'asc' }, { locale: 'asc' }, { channel: 'asc' }] })
    },

    find({ key, locale, channel }: TemplateKey): Promise<Template | null> {
      return db.template.findUnique({ where: { key_locale_channel: { key, locale, channel } } })
    },

    /** Creates the wording, or replaces it: a template is edited by writing it again. */
    put({ key, locale, channel }: TemplateKey, text: TemplateText, updatedBy: string | null): Promise<Template> {
      return db.template.upsert({
        where: { key_locale_channel: { key, locale, channel } },
        create: { key, locale, channel, ...text, updatedBy },
        update: { ...text, updatedBy }
      })
    },

    async remove(id: TemplateKey): Promise<void> {
      try {
        await db.template.delete({ where: { key_locale_channel: id } })
      } catch (error) {
        if (isPrismaError(error, RECORD_NOT_FOUND)) throw new TemplateNotFoundError(id.key, id.locale, id.channel)
        throw error
      }
    }
  }
}
