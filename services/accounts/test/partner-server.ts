import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

export interface PartnerReply {
  status: number
  /** Wait this long before answering, to provoke client timeouts. */
  delayMs?: number
}

/**
 * A real HTTP server standing in for the partner that receives our webhooks. It answers with
 * the queued replies in order, then 204, and records every request.
 */
export async function startPartnerServer() {
  const received: ReceivedRequest[] = []
  const replies: PartnerReply[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
      const reply = replies.shift() ?? { status: 204 }
      const answer = () => response.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.status >= 400 ? '{"error":"nope"}' : '')
      if (reply.delayMs) setTimeout(answer, reply.delayMs).unref()
      else answer()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/hooks/accounts`,
    received,
    /** Queues replies for the next requests. */
    reply(...next: PartnerReply[]) {
      replies.push(...next)
    },
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  }
}

export type PartnerServer = Awaited<ReturnType<typeof startPartnerServer>>
