export interface QueuedEvent {
  id: number
  orderId: number
}

/**
 * Of the events that are due, those that may be sent now: an event waits while an earlier
 * event of the same order is still undelivered (it may be waiting for a retry), so a receiver
 * never hears "shipped" before "paid". `earliestPending` maps an order to the id of its oldest
 * undelivered event.
 */
export function deliverableInOrder<T extends QueuedEvent>(due: readonly T[], earliestPending: ReadonlyMap<number, number>): T[] {
  return due.filter((event) => (earliestPending.get(event.orderId) ?? event.id) === event.id)
}
