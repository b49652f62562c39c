import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { getContainerRuntimeClient } from 'testcontainers'
import { describe, expect, it } from 'vitest'
import { removeLeftoverFolders, sweepPeriodically } from '../src/lifecycle/leftovers.js'
import { OWNER_TAG_VARIABLE } from '../src/lifecycle/owner-tag.js'
import { ownerLabels } from '../src/runtime/docker-labels.js'
import { DockerRuntime } from '../src/runtime/docker-runtime.js'
import { dockerAvailable, OWNER_TAG_VARIABLE as TESTS_OWNER_TAG } from '@debug-drills/test-support'

/** The id of a process that has just ended. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ['-e', ''])
  if (!pid) throw new Error('no process was started')
  return pid
}

const docker = await dockerAvailable()

describe('clearing what dead gradings left', () => {
  it("tags processes with the variable the tests' leftover check reads", () => {
    expect(TESTS_OWNER_TAG).toBe(OWNER_TAG_VARIABLE)
  })

  it('removes the build and temporary folders of processes that no longer run, and only those', async () => {
    const repoRoot = mkdtempSync(join(tmpdir(), 'leftovers-repo-'))
    const dead = deadPid()
    const alive = process.ppid
    const folders = {
      deadBuild: join(repoRoot, '.drill', 'work', `catalog-${dead}-0a1b2c3d`),
      liveBuild: join(repoRoot, '.drill', 'work', `catalog-${alive}-0a1b2c3d`),
      deadTests: join(tmpdir(), `drill-tests-${dead}-${process.pid}a`),
      deadSubmission: join(tmpdir(), `drill-submission-${dead}-${process.pid}b`),
      liveTests: join(tmpdir(), `drill-tests-${alive}-${process.pid}c`)
    }
    for (const folder of Object.values(folders)) mkdirSync(join(folder, 'src'), { recursive: true })
    try {
      expect(await removeLeftoverFolders(repoRoot)).toBeGreaterThanOrEqual(3)
      expect(Object.fromEntries(Object.entries(folders).map(([name, folder]) => [name, existsSync(folder)]))).toEqual({
        deadBuild: false,
        liveBuild: true,
        deadTests: false,
        deadSubmission: false,
        liveTests: true
      })
    } finally {
      for (const folder of [repoRoot, folders.liveTests]) rmSync(folder, { recursive: true, force: true })
    }
  })

  it('sweeps at once and then on every interval until disposed, one sweep at a time', async () => {
    let sweeps = 0
    let overlapping = 0
    let running = false
    const sweeping = sweepPeriodically(
      async () => {
        if (running) overlapping++
        running = true
        sweeps++
        await new Promise((resolve) => setTimeout(resolve, 30))
        running = false
      },
      10,
      () => undefined
    )
    // Counted, not timed: a loaded machine (CI runs other packages' tests beside these) may delay any timer.
    const deadline = Date.now() + 10_000
    while (sweeps < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5))
    sweeping[Symbol.dispose]()
    const after = sweeps
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(after).toBeGreaterThanOrEqual(3)
    expect(sweeps).toBe(after)
    expect(overlapping).toBe(0)
  })

  it.runIf(docker)('removes the containers and volumes of a dead grader on this machine, not a live one’s', async () => {
    const runtime = await DockerRuntime.connect()
    const dockerode = (await getContainerRuntimeClient()).container.dockerode
    const labels = (pid: number) => ({ ...ownerLabels(), 'dev.debug-drills.pid': String(pid) })
    const dead = deadPid()
    const create = async (pid: number) => {
      const container = await dockerode.createContainer({ Image: runtime.images.node, Cmd: ['sleep', 'infinity'], Labels: labels(pid) })
      await container.start()
      const volume = `drill-leftover-test-${pid}-${process.pid}`
      await dockerode.createVolume({ Name: volume, Labels: labels(pid) })
      return { container: container.id, volume }
    }
    const orphan = await create(dead)
    const live = await create(process.pid)
    const exists = async ({ container, volume }: { container: string; volume: string }) => ({
      container: await dockerode.getContainer(container).inspect().then(() => true, () => false),
      volume: await dockerode.getVolume(volume).inspect().then(() => true, () => false)
    })
    try {
      expect(await runtime.removeLeftovers()).toBeGreaterThanOrEqual(1)
      expect(await exists(orphan)).toEqual({ container: false, volume: false })
      expect(await exists(live)).toEqual({ container: true, volume: true })
    } finally {
      await dockerode.getContainer(live.container).remove({ force: true }).catch(() => undefined)
      await dockerode.getVolume(live.volume).remove().catch(() => undefined)
      await dockerode.getContainer(orphan.container).remove({ force: true }).catch(() => undefined)
      await dockerode.getVolume(orphan.volume).remove().catch(() => undefined)
    }
  })
})
