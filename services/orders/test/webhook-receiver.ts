import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders
  body: string
  json: Record<string, unknown>
}

/** What the receiver answers to the nth request (0-based); by default 204. */
export type Responder = (index: number) => { status: number; delayMs?: number; headers?: Record<string, string> }

/**
 * A real HTTP server standing in for the webhook partner: it records every request and answers
 * as `respond` says. Stop it when done.
 */
export async function startWebhookReceiver(respond: Responder = () => ({ status: 204 })) {
  const received: ReceivedWebhook[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString()
      const index = received.length
      received.push({ headers: request.headers, body, json: body ? (JSON.parse(body) as Record<string, unknown>) : {} })
      const { status, delayMs = 0, headers = {} } = respond(index)
      setTimeout(() => response.writeHead(status, headers).end(), delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/orders`,
    received,
    async stop() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>

/** Polls until `condition` holds; the relay delivers on its own schedule. */
export async function eventually(condition: () => boolean, { timeoutMs = 5_000, intervalMs = 20 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
  }
}
