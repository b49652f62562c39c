import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedDelivery {
  headers: IncomingHttpHeaders
  body: string
  json: { id: number; type: string; sku: string; occurredAt: string; data: Record<string, unknown> }
}

export interface Answer {
  status: number
  /** Wait this long before answering, to provoke the client's timeout. */
  delayMs?: number
}

/**
 * A real HTTP server standing in for the partner that receives catalogue events. It answers
 * each request with the next of `answers` (then 204 once they run out) and records it.
 */
export async function startWebhookReceiver(answers: Answer[] = []) {
  const deliveries: ReceivedDelivery[] = []
  const queue = [...answers]
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      deliveries.push({ headers: request.headers, body, json: JSON.parse(body) })
      const { status, delayMs = 0 } = queue.shift() ?? { status: 204 }
      setTimeout(() => response.writeHead(status).end(), delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/catalog`,
    deliveries,
    answerNext(...more: Answer[]) {
      queue.push(...more)
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>

/** Polls until `ready` holds, as a client of an asynchronous system would; fails after `timeoutMs`. */
export async function eventually(ready: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
