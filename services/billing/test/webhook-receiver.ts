import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  headers: IncomingHttpHeaders
  body: string
  json: { id: number; type: string; createdAt: string; data: Record<string, unknown> }
}

/** How the receiver answers one request: a status, optionally after a delay. */
export interface Answer {
  status: number
  delayMs?: number
}

/**
 * A real HTTP endpoint on 127.0.0.1 standing in for the partner that receives billing
 * events. It answers from `answers` in order, then 204 to everything.
 */
export async function startWebhookReceiver(answers: Answer[] = []) {
  const received: ReceivedRequest[] = []
  const pending = [...answers]
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      received.push({ headers: request.headers, body, json: JSON.parse(body) })
      const { status, delayMs = 0 } = pending.shift() ?? { status: 204 }
      setTimeout(() => response.writeHead(status).end(), delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/billing-events`,
    received,
    /** Resolves once `count` requests have arrived; fails after `timeoutMs`. */
    async waitFor(count: number, timeoutMs = 5_000): Promise<ReceivedRequest[]> {
      const deadline = Date.now() + timeoutMs
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`the webhook received ${received.length} requests, expected ${count}`)
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      return received
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>
