import { hostname } from 'node:os'
import type { ContainerRuntimeClient } from 'testcontainers'
import { ownerTag } from '../lifecycle/owner-tag.js'
import { processAlive } from '../lifecycle/processes.js'

export const OWNER_LABEL = 'dev.debug-drills.owner'
const PID_LABEL = 'dev.debug-drills.pid'
const HOST_LABEL = 'dev.debug-drills.host'
/** The check a container belongs to (its run id), so that all of them go when it ends. */
export const CHECK_LABEL = 'dev.debug-drills.check'
/** The `DRILL_OWNER` tag of whoever ran drill, when set. */
export const OWNER_TAG_LABEL = 'dev.debug-drills.owner-tag'

/** Labels on everything the grader starts, so a crashed run's leftovers can be found. */
export function ownerLabels(): Record<string, string> {
  const tag = ownerTag()
  return { [OWNER_LABEL]: 'drill-grader', [PID_LABEL]: String(process.pid), [HOST_LABEL]: hostname(), ...(tag ? { [OWNER_TAG_LABEL]: tag } : {}) }
}

/** Removes containers, networks and volumes left by grader processes on this machine that no longer run. */
export async function removeLeftovers(client: ContainerRuntimeClient): Promise<number> {
  const dockerode = client.container.dockerode
  const orphaned = (labels: Record<string, string> | undefined) =>
    labels?.[OWNER_LABEL] === 'drill-grader' && labels[HOST_LABEL] === hostname() && !processAlive(Number(labels[PID_LABEL]))
  const containers = (await dockerode.listContainers({ all: true, filters: { label: [OWNER_LABEL] } })).filter((info) => orphaned(info.Labels))
  await Promise.all(containers.map((info) => dockerode.getContainer(info.Id).remove({ force: true }).catch(() => undefined)))
  const networks = (await dockerode.listNetworks({ filters: { label: [OWNER_LABEL] } })).filter((info) => orphaned(info.Labels))
  await Promise.all(networks.map((info) => dockerode.getNetwork(info.Id).remove().catch(() => undefined)))
  const { Volumes: volumes } = await dockerode.listVolumes({ filters: { label: [OWNER_LABEL] } })
  await Promise.all((volumes ?? []).filter((info) => orphaned(info.Labels)).map((info) => dockerode.getVolume(info.Name).remove().catch(() => undefined)))
  return containers.length
}
