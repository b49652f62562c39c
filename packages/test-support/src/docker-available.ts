import { getContainerRuntimeClient } from 'testcontainers'

/**
 * Docker tests run where a daemon answers. Elsewhere they are skipped with a loud notice,
 * except in CI, where a missing daemon fails the run instead.
 */
export async function dockerAvailable(): Promise<boolean> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true'
  try {
    await getContainerRuntimeClient()
    return true
  } catch (error) {
    if (process.env.CI) throw new Error(`CI must run the Docker tests, but no Docker daemon answers: ${(error as Error).message}`)
    console.warn('\n!!! No Docker daemon answers: the Docker runtime tests are SKIPPED on this machine. CI runs them. !!!\n')
    return false
  }
}
