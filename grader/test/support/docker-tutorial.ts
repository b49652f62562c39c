import { getContainerRuntimeClient } from 'testcontainers'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import { OWNER_TAG_LABEL } from '../../src/runtime/docker-labels.js'
import { DockerRuntime } from '../../src/runtime/docker-runtime.js'
import { findScenario } from '../../src/scenarios/load-scenarios.js'
import type { Scenario } from '../../src/scenarios/scenario.js'
import { type TempCheckout, testRunTag } from '@debug-drills/test-support'
import { plantedCheckout } from './planted-checkout.js'

/** Containers (with their state) and volumes that this test run's checks left on Docker. */
export async function labelledLeftovers(): Promise<string[]> {
  const client = await getContainerRuntimeClient()
  const containers = await client.container.dockerode.listContainers({ all: true, filters: { label: [`${OWNER_TAG_LABEL}=${testRunTag()}`] } })
  const { Volumes: volumes } = await client.container.dockerode.listVolumes({ filters: { label: [`${OWNER_TAG_LABEL}=${testRunTag()}`] } })
  return [...containers.map((container) => `${container.Names.join(',')} ${container.State}`), ...(volumes ?? []).map((volume) => `volume ${volume.Name}`)]
}

export interface DockerTutorial {
  checkout: TempCheckout
  scenario: Scenario
  runtime: DockerRuntime
}

/**
 * For a describe block: the tutorial started in a throwaway checkout and the docker runtime,
 * the checkout reset before each test, and no container or volume left after it.
 */
export function dockerTutorial(): DockerTutorial {
  const context = {} as DockerTutorial
  beforeAll(async () => {
    context.checkout = plantedCheckout('tutorial')
    context.scenario = await findScenario(context.checkout.root, 'tutorial')
    context.runtime = await DockerRuntime.connect()
  })
  afterAll(() => context.checkout?.[Symbol.dispose]())
  beforeEach(() => context.checkout.git('checkout', '--', '.'))
  afterEach(async () => {
    expect(await labelledLeftovers()).toEqual([])
  })
  return context
}
