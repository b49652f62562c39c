import { after } from 'node:test'
import pg from 'pg'
import { required } from './environment.js'

let pool: pg.Pool | undefined

function connection(): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: required('DRILL_DATABASE_URL'), max: 2 })
    after(() => pool?.end())
  }
  return pool
}

/** Reads the service's database directly, to confirm what the API says was stored. */
export const database = {
  async query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await connection().query<T>(sql, params)).rows
  }
}
