export const ORDER_STATUSES = ['pending', 'paid', 'shipped', 'cancelled'] as const

export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Where an order may go from each status; shipped and cancelled are final. */
const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending: ['paid', 'cancelled'],
  paid: ['shipped', 'cancelled'],
  shipped: [],
  cancelled: []
}

export function canChangeStatus(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to)
}

export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0
}

/** Orders the customer has paid for and that were not cancelled (and so refunded) afterwards. */
export function isSettled(status: OrderStatus): boolean {
  return status === 'paid' || status === 'shipped'
}
