import { createServer, type Server } from 'node:net'
import { describe, expect, it } from 'vitest'
import { FREE_PORT_RANGE, freePort } from '../src/index.js'

function listen(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

describe('freePort', () => {
  it('gives ports below the ephemeral ranges (Linux from 32768, macOS and Windows from 49152) that a server can then listen on, mostly different ones', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()))
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(FREE_PORT_RANGE.from)
      expect(port).toBeLessThanOrEqual(FREE_PORT_RANGE.to)
    }
    expect(new Set(ports).size).toBeGreaterThan(15)
    const server = await listen(ports[0]!)
    try {
      expect(server.address()).toMatchObject({ port: ports[0] })
    } finally {
      await new Promise((resolve) => server.close(resolve))
    }
  })

  it('never gives a port that a server is listening on', async () => {
    const servers = await Promise.all(Array.from({ length: 5 }, async () => listen(await freePort())))
    try {
      const taken = new Set(servers.map((server) => (server.address() as { port: number }).port))
      for (let index = 0; index < 200; index++) expect(taken.has(await freePort())).toBe(false)
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
    }
  })
})
