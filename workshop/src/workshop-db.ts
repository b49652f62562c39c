import { fileURLToPath } from 'node:url'
import { PrismaPg } from '@prisma/adapter-pg'
import { applyMigrations } from '@debug-drills/prisma-offline'
import { PrismaClient } from './generated/workshop-db/client.js'

export type WorkshopDb = PrismaClient
export type { HintUse, Participant, Submission, Workshop } from './generated/workshop-db/client.js'

/** The workshop server's migrations, shipped with the package (`workshop/prisma/migrations`). */
export const WORKSHOP_MIGRATIONS_DIR = fileURLToPath(new URL('../prisma/migrations', import.meta.url))

export function openWorkshopDb(connectionString: string): WorkshopDb {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: 10 }) })
}

/** Applies the migrations not applied yet; the server does this at every start. */
export function migrateWorkshopDb(connectionString: string): Promise<string[]> {
  return applyMigrations({ connectionString, migrationsDir: WORKSHOP_MIGRATIONS_DIR })
}

/** The channel on which the server and every worker announce changes. */
export const EVENTS_CHANNEL = 'drill_workshop'

export type WorkshopEvent =
  | { kind: 'submission'; workshopId: string; submissionId: string; status: string }
  | { kind: 'workshop'; workshopId: string }

/** Tells every server listening on the database that something changed; committed data only. */
export async function announce(db: WorkshopDb, event: WorkshopEvent): Promise<void> {
  await db.$executeRaw`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`
}
