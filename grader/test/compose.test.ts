import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { getContainerRuntimeClient, ImageName } from 'testcontainers'
import { expect, it } from 'vitest'
import { IMAGES } from '../src/runtime/docker-images.js'
import { dockerAvailable, repoRoot, runDrill } from '@debug-drills/test-support'

const docker = await dockerAvailable()

/** `docker compose` (v2) where it exists, else `docker-compose` (v1), as the README says. */
function composeCommand(): string[] {
  if (spawnSync('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0) return ['docker', 'compose']
  return ['docker-compose']
}

async function imageFor(kind: keyof typeof IMAGES): Promise<string> {
  const client = await getContainerRuntimeClient()
  const { official, local } = IMAGES[kind]
  return (await client.image.exists(ImageName.fromString(official))) ? official : local
}

it.runIf(docker)('docker/compose.yaml runs a bundled service with its database', async () => {
  expect((await runDrill(['bundle', 'greetings'])).exitCode).toBe(0)
  const [command, ...prefix] = composeCommand()
  const env = {
    ...process.env,
    SERVICE: 'greetings',
    SERVICE_PORT: '3917',
    DB_PORT: '5917',
    POSTGRES_IMAGE: await imageFor('postgres'),
    NODE_IMAGE: await imageFor('node')
  }
  const compose = (...args: string[]) =>
    execFileSync(command!, [...prefix, '-p', 'drill-compose-test', '-f', join(repoRoot, 'docker', 'compose.yaml'), ...args], { env, stdio: 'pipe' })
  try {
    compose('up', '-d')
    let health: Response | undefined
    for (let attempt = 0; attempt < 60 && !health?.ok; attempt++) {
      health = await fetch('http://127.0.0.1:3917/health').catch(() => undefined)
      if (!health?.ok) await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(health?.status).toBe(200)
    // compose.yaml's default API key, for a service run by hand.
    const saved = await fetch('http://127.0.0.1:3917/languages/en-COMPOSE', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: 'Bearer dev-key' },
      body: JSON.stringify({ formal: 'Good day, {name}.', casual: 'Hi {name}!' })
    })
    expect(saved.status).toBe(200)
    const greeting = await fetch('http://127.0.0.1:3917/greetings/en-COMPOSE?name=Ada&formal=true', { headers: { authorization: 'Bearer dev-key' } })
    expect(await greeting.json()).toEqual({ language: 'en-COMPOSE', text: 'Good day, Ada.' })
  } finally {
    compose('down', '--volumes', '--remove-orphans')
  }
})
