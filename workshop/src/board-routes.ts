import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import { computeBoard, type Board } from './board.js'
import { findWorkshop, openEventStream, type AppContext } from './app-context.js'
import type { WorkshopEvent } from './workshop-db.js'
import { api, routeSchema } from '@debug-drills/workshop-contract'

const PAGES_DIR = fileURLToPath(new URL('../pages/', import.meta.url))

const ASSETS: Record<string, { file: string; type: string }> = {
  'board.js': { file: `${PAGES_DIR}board.js`, type: 'text/javascript; charset=utf-8' },
  'facilitator.js': { file: `${PAGES_DIR}facilitator.js`, type: 'text/javascript; charset=utf-8' },
  'format.js': { file: `${PAGES_DIR}format.js`, type: 'text/javascript; charset=utf-8' },
  'style.css': { file: `${PAGES_DIR}style.css`, type: 'text/css; charset=utf-8' },
  // Chart.js exports no path to its browser build; it sits beside the package's main file.
  'chart.umd.min.js': { file: join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'), type: 'text/javascript; charset=utf-8' }
}

/**
 * Pushes each open board its new state: once per burst of events (a verdict, a join, a hint,
 * a facilitator's action), and on a timer so the clock and the freeze move without events.
 */
export class BoardHub {
  readonly #listeners = new Map<string, Set<(board: Board) => void>>()
  readonly #pending = new Map<string, NodeJS.Timeout>()
  readonly #timer: NodeJS.Timeout

  constructor(
    private readonly ctx: AppContext,
    refreshMs: number
  ) {
    this.#timer = setInterval(() => {
      for (const id of this.#listeners.keys()) this.refresh(id)
    }, refreshMs)
    this.#timer.unref()
    ctx.events.on('event', this.#onEvent)
  }

  readonly #onEvent = (event: WorkshopEvent) => this.refresh(event.workshopId)

  subscribe(workshopId: string, listener: (board: Board) => void): () => void {
    const set = this.#listeners.get(workshopId) ?? new Set()
    set.add(listener)
    this.#listeners.set(workshopId, set)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(workshopId)
    }
  }

  refresh(workshopId: string): void {
    if (!this.#listeners.has(workshopId) || this.#pending.has(workshopId)) return
    this.#pending.set(
      workshopId,
      setTimeout(() => {
        this.#pending.delete(workshopId)
        void this.#push(workshopId)
      }, 20)
    )
  }

  async #push(workshopId: string): Promise<void> {
    const listeners = this.#listeners.get(workshopId)
    if (!listeners) return
    try {
      const workshop = await this.ctx.db.workshop.findUnique({ where: { id: workshopId } })
      if (!workshop) return
      const board = await computeBoard(this.ctx.db, workshop, this.ctx.catalog)
      for (const listener of listeners) listener(board)
    } catch {
      // The database went away for a moment: the next event or tick tries again.
    }
  }

  close(): void {
    clearInterval(this.#timer)
    for (const timer of this.#pending.values()) clearTimeout(timer)
    this.ctx.events.off('event', this.#onEvent)
  }
}

export function registerBoardRoutes(app: FastifyInstance, ctx: AppContext, hub: BoardHub): void {
  const page = async (name: string) => readFile(`${PAGES_DIR}${name}`, 'utf8')

  app.get('/', async (_request, reply) => reply.redirect('/facilitator'))
  app.get('/facilitator', async (_request, reply) => reply.type('text/html; charset=utf-8').send(await page('facilitator.html')))
  app.get<{ Params: { id: string } }>('/board/:id', async (request, reply) => {
    await findWorkshop(ctx, request.params.id)
    return reply.type('text/html; charset=utf-8').send(await page('board.html'))
  })
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = Object.hasOwn(ASSETS, request.params.file) ? ASSETS[request.params.file] : undefined
    if (!asset) return reply.code(404).send({ error: `No asset ${request.params.file}.` })
    return reply.type(asset.type).header('cache-control', 'no-cache').send(await readFile(asset.file))
  })

  const typed = app.withTypeProvider<TypeBoxTypeProvider>()
  typed.get(api.scenarios.url, { schema: routeSchema(api.scenarios) }, async () => ({
    scenarios: [...ctx.catalog.values()].map((scenario) => ({
      id: scenario.id,
      title: scenario.title,
      service: scenario.service,
      difficulty: scenario.difficulty,
      timeLimitMinutes: scenario.timeLimitMinutes
    })),
    tracks: (ctx.tracks ?? []).map(({ id, title, summary, scenarios }) => ({ id, title, summary, scenarios: scenarios.filter((scenario) => ctx.catalog.has(scenario)) }))
  }))

  typed.get(api.board.url, { schema: routeSchema(api.board) }, async (request) => computeBoard(ctx.db, await findWorkshop(ctx, request.params.id), ctx.catalog))

  typed.get(api.boardEvents.url, { schema: routeSchema(api.boardEvents) }, async (request, reply) => {
    const workshop = await findWorkshop(ctx, request.params.id)
    let unsubscribe = () => {}
    const send = openEventStream(request, reply, () => unsubscribe())
    unsubscribe = hub.subscribe(workshop.id, (board) => send('board', board))
    send('board', await computeBoard(ctx.db, workshop, ctx.catalog))
  })
}
