import { Type } from 'typebox'
import { DateTimeSchema } from './common.js'

export const OutboxStatsSchema = Type.Object({
  pending: Type.Integer({ minimum: 0 }),
  delivered: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
  oldestPendingAt: Type.Union([DateTimeSchema, Type.Null()]),
  /** False while `WEBHOOK_URL` is unset or the relay is turned off: events only accumulate. */
  relayRunning: Type.Boolean()
})
