import { randomInt } from 'node:crypto'
import { createServer } from 'node:net'

/**
 * Where free ports are looked for: below the ephemeral ranges of Linux (from 32768), macOS and
 * Windows (from 49152). A port the kernel handed out for listening is also one it hands out to
 * outgoing connections, so between the check and the server's own bind, a client of PostgreSQL
 * or of another service could take it (a check's service once exited with EADDRINUSE that way).
 * Below those ranges only a listener can take a port, and a listener would have to pick the same
 * one of over twelve thousand at the same moment.
 */
export const FREE_PORT_RANGE = { from: 20_000, to: 32_767 } as const
const ATTEMPTS = 50

/** A TCP port that was free on 127.0.0.1 a moment ago, outside the ephemeral range. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = await listenOnce(randomInt(FREE_PORT_RANGE.from, FREE_PORT_RANGE.to + 1)).catch(() => undefined)
    if (port !== undefined) return port
  }
  // Fifty ports taken in a row: a machine that uses the range itself. The kernel's choice still works.
  return listenOnce(0)
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port)
        else reject(new Error('could not read the port of a listening socket'))
      })
    })
  })
}
