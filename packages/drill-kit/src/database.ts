import { after } from 'node:test'
import pg from 'pg'
import { dependencyOf, required } from './environment.js'

const pools = new Map<string, pg.Pool>()

// Registered when the file loads, so it belongs to the file's root and runs after its last test.
after(() => Promise.all([...pools.values()].map((pool) => pool.end())))

function connection(url: string): pg.Pool {
  let pool = pools.get(url)
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 2 })
    pools.set(url, pool)
  }
  return pool
}

export interface Database {
  query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>
}

function databaseAt(url: () => string): Database {
  return {
    async query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
      return (await connection(url()).query<T>(sql, params)).rows
    }
  }
}

/** Reads the service's database directly, to confirm what the API says was stored. */
export const database: Database = databaseAt(() => required('DRILL_DATABASE_URL'))

/** The database of a service the drill's service calls (the manifest's `dependsOn`). */
export function dependencyDatabase(name: string): Database {
  return databaseAt(() => dependencyOf(name).databaseUrl)
}
