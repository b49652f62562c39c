import { ImageName, type ContainerRuntimeClient } from 'testcontainers'
import { InfrastructureError } from '../errors.js'

/**
 * Every image the grader runs, pinned in one place. The official images are the normal path;
 * the local ones are built from Debian packages by docker/local/build-images.sh for machines
 * that cannot pull (CI, air-gapped laptops).
 */
export const IMAGES = {
  postgres: { official: 'postgres:17-bookworm', local: 'debug-drills/postgres:local' },
  node: { official: 'node:22-bookworm-slim', local: 'debug-drills/node:local' }
} as const

export interface ResolvedImages {
  postgres: string
  node: string
}

const BUILD_LOCAL = 'bash docker/local/build-images.sh'

async function resolveImage(client: ContainerRuntimeClient, { official, local }: { official: string; local: string }): Promise<string> {
  const exists = (name: string) => client.image.exists(ImageName.fromString(name))
  if (process.env.DRILL_IMAGES === 'local') {
    if (await exists(local)) return local
    throw new InfrastructureError(`DRILL_IMAGES=local, but the image ${local} is missing. Build the local images with \`${BUILD_LOCAL}\`.`)
  }
  if (await exists(official)) return official
  if (await exists(local)) return local
  try {
    await client.image.pull(ImageName.fromString(official))
    return official
  } catch (error) {
    throw new InfrastructureError(
      `Docker could not pull ${official} (${(error as Error).message.split('\n')[0]}), and the local stand-in ${local} is not built. ` +
        `Without internet, build the local images once with \`${BUILD_LOCAL}\` (needs debootstrap), or grade with --runtime embedded.`
    )
  }
}

export async function resolveImages(client: ContainerRuntimeClient): Promise<ResolvedImages> {
  const [postgres, node] = await Promise.all([resolveImage(client, IMAGES.postgres), resolveImage(client, IMAGES.node)])
  return { postgres, node }
}
