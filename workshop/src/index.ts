import type { WorkshopCommands } from '@debug-drills/grader'
import { serve } from './commands/serve.js'
import { worker } from './commands/worker.js'

/** `drill serve` and `drill worker`: declared by the grader's CLI, which loads this package to run them (grader/src/cli/plugins.ts). */
export const commands: WorkshopCommands = {
  serve: { run: serve },
  worker: { run: worker }
}

export { buildWorkshopApp } from './app.js'
export { startWorkerProcess, startWorkshopServer, type RunningWorker, type RunningWorkshopServer, type WorkerProcessOptions, type WorkshopServerOptions } from './workshop-server.js'
