import { expectStatus, random, service } from '@debug-drills/drill-kit'

export interface Order {
  id: number
  customerId: string
  status: 'pending' | 'paid' | 'shipped' | 'cancelled'
  totalCents: number
  lines: { sku: string; quantity: number; unitPriceCents: number }[]
}

export function newCustomer(): string {
  return `cus_${random.word()}${random.int(100_000, 999_999)}`
}

export function randomLines() {
  return Array.from({ length: random.int(1, 3) }, () => ({
    sku: `${random.word().toUpperCase()}-${random.int(10, 99)}`,
    quantity: random.int(1, 5),
    unitPriceCents: random.int(50, 20_000)
  }))
}

export async function placeOrder(customerId: string, status: Order['status'] = 'pending'): Promise<Order> {
  const placed = await service.post<Order>('/orders', { customerId, lines: randomLines() })
  expectStatus(placed, 201, `placing an order for ${customerId}`)
  const path: Order['status'][] = status === 'shipped' ? ['paid', 'shipped'] : status === 'pending' ? [] : [status]
  let order = placed.body
  for (const next of path) {
    const changed = await service.post<Order>(`/orders/${order.id}/status`, { status: next })
    expectStatus(changed, 200, `moving order ${order.id} to ${next}`)
    order = changed.body
  }
  return order
}

export async function listIds(query: string): Promise<number[]> {
  const listed = await service.get<{ orders: Order[] }>(`/orders?${query}`)
  expectStatus(listed, 200, `listing orders with ${query}`)
  return listed.body.orders.map((order) => order.id)
}

export function sorted(ids: number[]): number[] {
  return [...ids].sort((a, b) => a - b)
}
