import { randomBytes } from 'node:crypto'
import { chown, lchown, lstat, mkdir, readdir, realpath } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { finished } from 'node:stream/promises'
import { fileURLToPath } from 'node:url'
import type Dockerode from 'dockerode'
import type { BuildJob, BuildOutcome } from '../build/build-job.js'
import { insideRoots } from '../build/bundle-service.js'
import { InfrastructureError } from '../errors.js'
import { ownerLabels } from './docker-labels.js'
import { ExitReaper } from './exit-reaper.js'

/** The grader's package folder: its compiled `dist` runs the build inside the container. */
const GRADER_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ENTRY = join(GRADER_ROOT, 'dist', 'build', 'confined-build-entry.js')
/** The Node images' own PATH: nothing else of the host's environment goes in. */
const IMAGE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'
/** The images' `node` user, for a grader running as root. */
const NODE_USER = { uid: 1000, gid: 1000 }
const BUILD_LIMITS = { memoryGiB: 1, pids: 256 }
const ARCHITECTURES: Partial<Record<NodeJS.Architecture, string>> = { x64: 'amd64', arm64: 'arm64', arm: 'arm' }

export interface ContainerRun {
  exitCode: number
  stdout: string
  stderr: string
}

/**
 * Why a container cannot run this machine's build, if it cannot: the compilers installed in
 * node_modules (esbuild, TypeScript's native compiler) are binaries for the host, and the build's
 * folders are mounted from it.
 */
export async function confinedBuildUnavailable(dockerode: Dockerode, image: string): Promise<string | undefined> {
  if (process.platform !== 'linux') return `the installed compilers are built for ${process.platform}, and the container runs Linux`
  const dockerHost = process.env.DOCKER_HOST
  if (dockerHost && !dockerHost.startsWith('unix://')) return `the Docker daemon (DOCKER_HOST=${dockerHost}) cannot mount this machine's folders`
  const { Architecture: architecture } = await dockerode.getImage(image).inspect()
  if (ARCHITECTURES[process.arch] !== architecture) return `the installed compilers are built for ${process.arch}, and ${image} is ${architecture}`
  return undefined
}

/** Runs a build job in a one-off container (see runInBuildContainer) and answers its outcome. */
export async function runConfinedBuild(dockerode: Dockerode, image: string, job: BuildJob, signal: AbortSignal): Promise<BuildOutcome> {
  const run = await runInBuildContainer(dockerode, image, job, (roots) => ['node', ENTRY, JSON.stringify({ ...job, roots })], signal)
  const line = run.stdout.trim().split('\n').at(-1) ?? ''
  try {
    if (run.exitCode === 0) return JSON.parse(line) as BuildOutcome
  } catch {
    // reported below
  }
  const said = run.stderr.trim().split('\n').slice(-5).join(' | ')
  throw new InfrastructureError(`The build's container failed (exit code ${run.exitCode}${run.exitCode === 137 ? ', killed: out of memory?' : ''}): ${said || line}`)
}

/**
 * Runs `command` (given the roots as the container sees them) in a container that holds
 * nothing of the host but what the build may read, each folder read-only at its own path (the
 * build folder links to absolute paths), the bundle's output folder, and the grader's compiled
 * code: no network, an unprivileged user, no variable of the server's environment. The
 * container is removed however the run ends.
 */
export async function runInBuildContainer(
  dockerode: Dockerode,
  image: string,
  job: BuildJob,
  command: (roots: string[]) => string[],
  signal: AbortSignal
): Promise<ContainerRun> {
  const aborted = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason)
    signal.addEventListener('abort', () => reject(signal.reason), { once: true })
  })
  aborted.catch(() => undefined) // raced below
  if (signal.aborted) throw signal.reason
  const hostUid = process.getuid?.() ?? 0
  const user = hostUid === 0 ? NODE_USER : { uid: hostUid, gid: process.getgid?.() ?? hostUid }
  const readOnly = await readOnlyMounts(job)
  const mounts: Dockerode.MountSettings[] = readOnly.map(({ source, target }) => ({ Type: 'bind', Source: source, Target: target, ReadOnly: true }))
  if (job.bundle) {
    await mkdir(job.bundle.outDir, { recursive: true })
    if (hostUid === 0) await chown(job.bundle.outDir, user.uid, user.gid)
    mounts.push({ Type: 'bind', Source: job.bundle.outDir, Target: job.bundle.outDir, ReadOnly: false })
  }
  const reaper = new ExitReaper()
  let container: Dockerode.Container | undefined
  try {
    container = await dockerode.createContainer({
      name: `drill-build-${randomBytes(4).toString('hex')}`,
      Image: image,
      Cmd: command([...job.roots, ...readOnly.filter((mount) => mount.alias).map((mount) => mount.target)]),
      User: `${user.uid}:${user.gid}`,
      Env: [`PATH=${IMAGE_PATH}`],
      WorkingDir: job.buildDir,
      Labels: ownerLabels(),
      NetworkDisabled: true,
      HostConfig: {
        NetworkMode: 'none',
        ReadonlyRootfs: true,
        Tmpfs: { '/tmp': 'rw,nosuid,nodev,size=64m' },
        Mounts: mounts,
        Memory: BUILD_LIMITS.memoryGiB * 1024 ** 3,
        PidsLimit: BUILD_LIMITS.pids,
        CapDrop: ['ALL'],
        SecurityOpt: ['no-new-privileges'],
        LogConfig: { Type: 'json-file', Config: { 'max-size': '1m', 'max-file': '1' } }
      }
    })
    reaper.container(container.id)
    const stream = await container.attach({ stream: true, stdout: true, stderr: true })
    const stdout = collect()
    const stderr = collect()
    container.modem.demuxStream(stream, stdout.sink, stderr.sink)
    await Promise.race([container.start(), aborted])
    const { StatusCode: exitCode } = (await Promise.race([container.wait(), aborted])) as { StatusCode: number }
    await finished(stream).catch(() => undefined) // the last output
    return { exitCode, stdout: stdout.text(), stderr: stderr.text() }
  } catch (error) {
    if (signal.aborted) throw signal.reason
    if (error instanceof InfrastructureError) throw error
    throw new InfrastructureError(`Docker could not run the build's container (${image}): ${(error as Error).message}`)
  } finally {
    await container?.remove({ force: true }).catch(() => undefined)
    reaper.release()
    // What the build wrote goes back to root, or the image's user could change a cached bundle.
    if (job.bundle && hostUid === 0) await chownTree(job.bundle.outDir, 0, 0)
  }
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  const entries = await readdir(dir, { recursive: true }).catch(() => [])
  await Promise.all([dir, ...entries.map((entry) => join(dir, entry))].map((path) => lchown(path, uid, gid).catch(() => undefined)))
}

interface ReadOnlyMount {
  source: string
  target: string
  /** Another name of a root: a link on the host that the build's lookups pass through. */
  alias?: boolean
}

/**
 * The roots without those inside another root, the grader's compiled code, and the checkout's
 * node_modules at its own path when that is a link (a checkout sharing another's packages):
 * module lookups walk up from the build folder through it.
 */
async function readOnlyMounts(job: BuildJob): Promise<ReadOnlyMount[]> {
  const sorted = [...new Set(job.roots)].sort((a, b) => a.length - b.length)
  const roots = sorted.filter((root, index) => !insideRoots(sorted.slice(0, index), root))
  const mounts: ReadOnlyMount[] = roots.map((root) => ({ source: root, target: root }))
  const grader = await Promise.all([join(GRADER_ROOT, 'dist'), join(GRADER_ROOT, 'package.json'), join(GRADER_ROOT, 'node_modules')].map((path) => realpath(path).catch(() => undefined)))
  for (const path of grader) if (path && !insideRoots(roots, path)) mounts.push({ source: path, target: path })
  for (const path of [join(job.repoRoot, 'node_modules'), join(job.repoRoot, 'services', job.service, 'node_modules')]) {
    const link = await lstat(path).then((info) => info.isSymbolicLink(), () => false)
    if (link) mounts.push({ source: await realpath(path), target: path, alias: true })
  }
  return mounts
}

function collect() {
  const chunks: Buffer[] = []
  const sink = new PassThrough()
  sink.on('data', (chunk: Buffer) => chunks.push(chunk))
  return { sink, text: () => Buffer.concat(chunks).toString() }
}
