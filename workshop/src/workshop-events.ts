import { EventEmitter } from 'node:events'
import pg from 'pg'
import { EVENTS_CHANNEL, type WorkshopEvent } from './workshop-db.js'

const RECONNECT_DELAY_MS = 1_000

/**
 * Listens on the database for what the server and every grading worker announce, so a
 * verdict written on another machine reaches the boards of this server.
 */
export class WorkshopEvents extends EventEmitter<{ event: [WorkshopEvent]; error: [Error] }> {
  #client: pg.Client | undefined
  #closed = false
  #reconnect: NodeJS.Timeout | undefined

  private constructor(private readonly connectionString: string) {
    super()
    this.setMaxListeners(0)
  }

  static async listen(connectionString: string): Promise<WorkshopEvents> {
    const events = new WorkshopEvents(connectionString)
    await events.#connect()
    return events
  }

  async #connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: 'drill-board-events' })
    client.on('notification', (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return
      try {
        this.emit('event', JSON.parse(message.payload) as WorkshopEvent)
      } catch (error) {
        this.emit('error', error as Error)
      }
    })
    client.on('error', (error) => {
      this.emit('error', error)
      this.#scheduleReconnect()
    })
    client.on('end', () => this.#scheduleReconnect())
    await client.connect()
    await client.query(`LISTEN ${EVENTS_CHANNEL}`)
    this.#client = client
  }

  #scheduleReconnect(): void {
    if (this.#closed || this.#reconnect) return
    this.#client = undefined
    this.#reconnect = setTimeout(() => {
      this.#reconnect = undefined
      this.#connect().catch((error: Error) => {
        this.emit('error', error)
        this.#scheduleReconnect()
      })
    }, RECONNECT_DELAY_MS)
  }

  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#reconnect)
    const client = this.#client
    this.#client = undefined
    await client?.end().catch(() => undefined)
  }
}
