/**
 * Runs inside a confined build's container (see runConfinedBuild): the job as JSON in the first
 * argument, the outcome as one line of JSON on stdout.
 */
import { runBuildJob, type BuildJob } from './build-job.js'

const job = JSON.parse(process.argv[2] ?? '') as BuildJob
process.stdout.write(`${JSON.stringify(await runBuildJob(job))}\n`)
