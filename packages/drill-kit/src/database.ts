import { after } from 'node:test'
import pg from 'pg'
import { required } from './environment.js'

let pool: pg.Pool | undefined

// Registered when the file loads, so it belongs to the file's root and runs after its last test.
after(() => pool?.end())

function connection(): pg.Pool {
  pool ??= new pg.Pool({ connectionString: required('DRILL_DATABASE_URL'), max: 2 })
  return pool
}

/** Reads the service's database directly, to confirm what the API says was stored. */
export const database = {
  async query<T extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await connection().query<T>(sql, params)).rows
  }
}
