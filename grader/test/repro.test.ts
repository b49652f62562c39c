import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { ManifestSchema } from '../src/scenarios/manifest-schema.js'
import { formatExchange, formatSummary, replay, ReproStepError, type ReproExchange } from '../src/trainee/repro.js'

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
          { method: 'POST', path: '/events/{{run}}?slug=x-{{run:lower}}', body: { id: '{{run}}' } },
          { method: 'GET', path: '/events/{{run}}', waitMs: 400, note: 'later' }
        ],
        { runToken: 'AB2CD', signal: new AbortController().signal }
      )
      expect(arrivals.map((arrival) => arrival.url)).toEqual(['/events/AB2CD?slug=x-ab2cd', '/events/AB2CD'])
      expect(arrivals[1]!.at - arrivals[0]!.at).toBeGreaterThanOrEqual(390)
      expect(exchanges[0]?.waitedMs).toBeUndefined()
      expect(formatExchange(exchanges[1]!, plain).slice(0, 2)).toEqual(['(waited 0.4 s first)', '# later'])
    } finally {
      server.close()
    }
  })

  it('fills later requests from an earlier answer, numbers as numbers, and says so when the answer lacks the field', async () => {
    const bodies: string[] = []
    const server = createServer((request, response) => {
      let body = ''
      request.on('data', (chunk: Buffer) => (body += chunk.toString()))
      request.on('end', () => {
        bodies.push(`${request.method} ${request.url} ${body}`)
        response.setHeader('content-type', 'application/json')
        response.end(request.method === 'POST' ? JSON.stringify({ id: 418, customer: { ref: 'c-7' } }) : '{}')
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as AddressInfo
      const url = `http://127.0.0.1:${port}`
      const signal = new AbortController().signal
      await replay(
        url,
        [
          { method: 'POST', path: '/orders', body: {}, saveAs: 'order' },
          { method: 'POST', path: '/orders/batch', body: { ids: ['{{order.id}}', 9], note: 'for {{order.customer.ref}}' } },
          { method: 'GET', path: '/orders/{{order.id}}' }
        ],
        { runToken: 'AB2CD', signal }
      )
      expect(bodies.slice(1)).toEqual(['POST /orders/batch {"ids":[418,9],"note":"for c-7"}', 'GET /orders/418 '])
      await expect(replay(url, [{ method: 'GET', path: '/a', saveAs: 'first' }, { method: 'GET', path: '/b/{{first.id}}' }], { runToken: 'X', signal })).rejects.toThrow(ReproStepError)
    } finally {
      server.close()
    }
  })

  it('refuses a manifest whose step uses an answer no earlier step saves', () => {
    const base = { id: 'x', title: 'x', service: 'catalog', bugClass: 'off-by-one', pattern: 'off-by-one', difficulty: 1, timeLimitMinutes: 10, hints: [{ text: 'a' }, { text: 'b' }, { text: 'c' }] }
    const parsed = ManifestSchema.safeParse({ ...base, repro: [{ method: 'GET', path: '/orders/{{order.id}}' }, { method: 'POST', path: '/orders', saveAs: 'order' }] })
    expect(parsed.success).toBe(false)
    expect(JSON.stringify(parsed.error?.issues)).toContain('no earlier step saves an answer as \\"order\\"')
    expect(ManifestSchema.safeParse({ ...base, repro: [{ method: 'POST', path: '/orders', saveAs: 'order' }, { method: 'GET', path: '/orders/{{order.id}}' }] }).success).toBe(true)
  })
})

describe('formatSummary', () => {
  const exchange = (method: string, url: string, status: number, body: string, note?: string): ReproExchange => ({
    ...(note ? { note } : {}),
    request: { method, url, headers: {} },
    response: { httpVersion: '1.1', status, statusText: '', headers: [], body },
    durationMs: 3
  })

  it('puts each answer on one line under its request, status and note, cut to the width', () => {
    const lines = formatSummary(
      [
        exchange('PUT', 'http://127.0.0.1:3005/languages/en-X', 200, '{\n  "code": "en-X",\n  "casual": "Hi {name}!"\n}', 'a language'),
        exchange('GET', 'http://127.0.0.1:3005/greetings/en-X?name=Ada&formal=false', 200, JSON.stringify({ text: 'Good morning, Ada.', padding: 'x'.repeat(200) }), 'should be "Hi Ada!"'),
        exchange('DELETE', 'http://127.0.0.1:3005/languages/en-X', 204, '')
      ],
      plain,
      60
    )
    expect(lines).toEqual([
      'In short',
      '  1. PUT /languages/en-X → 200 · a language',
      '     {"code":"en-X","casual":"Hi {name}!"}',
      '  2. GET /greetings/en-X?name=Ada&formal=false → 200 · should be "Hi Ada!"',
      `     ${'{"text":"Good morning, Ada.","padding":"'.padEnd(59, 'x')}…`,
      '  3. DELETE /languages/en-X → 204',
      '     (no body)'
    ])
    expect(formatSummary([], plain)).toEqual([])
  })
})
