import { existsSync } from 'node:fs'
import { connect } from 'node:net'

/**
 * Whether an explicitly configured DOCKER_HOST answers at all. Testcontainers would quietly
 * fall back to the default socket; a user who set DOCKER_HOST should hear that it is dead.
 */
export async function dockerHostAnswers(dockerHost: string): Promise<boolean> {
  const url = new URL(dockerHost)
  if (url.protocol === 'unix:') return existsSync(url.pathname)
  if (url.protocol !== 'tcp:' && url.protocol !== 'http:' && url.protocol !== 'https:') return true
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname, port: Number(url.port || 2375), timeout: 1_500 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
    socket.once('error', () => resolve(false))
  })
}
