import type { Channel, Delivery, PrismaClient } from '../generated/prisma/client.js'

export interface NewDelivery {
  templateKey: string
  locale: string
  channel: Channel
  recipient: string
  subject: string | null
  body: string
  units: number
  unitPriceCents: number
  costCents: number
  requestId: string | null
  sentBy: string | null
}

export interface DeliveryRange {
  /** Inclusive. */
  from: Date
  /** Exclusive. */
  to: Date
  channel?: Channel
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>

export function createDeliveryRepository(db: PrismaClient) {
  return {
    create(delivery: NewDelivery): Promise<Delivery> {
      return db.delivery.create({ data: delivery })
    },

    get(id: string): Promise<Delivery | null> {
      return db.delivery.findUnique({ where: { id } })
    },

    /** Deliveries sent in the range, oldest first, ties by id so exports are stable. */
    inRange({ from, to, channel }: DeliveryRange): Promise<Delivery[]> {
      return db.delivery.findMany({
        where: { sentAt: { gte: from, lt: to }, ...(channel ? { channel } : {}) },
        orderBy: [{ sentAt: 'asc' }, { id: 'asc' }]
      })
    }
  }
}
