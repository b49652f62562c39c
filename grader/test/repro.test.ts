import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { formatExchange, replay } from '../src/trainee/repro.js'

const plain = { dim: String, bold: String, green: String, red: String, yellow: String }

describe('replay', () => {
  it('waits before a step that asks for it, fills in {{run}}, and says that it waited', async () => {
    const arrivals: { url: string; at: number }[] = []
    const server = createServer((request, response) => {
      arrivals.push({ url: request.url ?? '', at: performance.now() })
      response.end('{}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const exchanges = await replay(
        `http://127.0.0.1:${port}`,
        [
          { method: 'POST', path: '/events/{{run}}', body: { id: '{{run}}' } },
          { method: 'GET', path: '/events/{{run}}', waitMs: 400, note: 'later' }
        ],
        { runToken: 'AB2CD', signal: new AbortController().signal }
      )
      expect(arrivals.map((arrival) => arrival.url)).toEqual(['/events/AB2CD', '/events/AB2CD'])
      expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(390)
      expect(exchanges[0]?.waitedMs).toBeUndefined()
      expect(formatExchange(exchanges[1]!, plain).slice(0, 2)).toEqual(['(waited 0.4 s first)', '# later'])
    } finally {
      server.close()
    }
  })
})
