import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { App } from './helper.js'
import { authorised, buildTestApp, newPerson } from './helper.js'

let app: App
beforeAll(async () => {
  app = await buildTestApp()
})
afterAll(async () => {
  await app?.close()
})

function exportCsv(query: Record<string, string>) {
  return app.inject({ headers: authorised, method: 'GET', url: '/accounts/export', query })
}

/** Stores accounts as they were created at the given moments, like a migration or the seed does. */
async function createdAt(moments: string[], extra: Record<string, unknown> = {}) {
  return app.prisma.account.createManyAndReturn({
    data: moments.map((moment) => ({ ...newPerson(), createdBy: 'tests', updatedBy: 'tests', createdAt: new Date(moment), ...extra }))
  })
}

describe('GET /accounts/export', () => {
  it('lists the accounts a customer referred in a period, oldest first, as CSV', async () => {
    const [referrer] = await createdAt(['2025-12-20T10:00:00Z'], { displayName: 'Okafor, "Maya"', phone: '+447700900123' })
    const referred = await createdAt(['2026-01-31T23:59:59.999Z', '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-01-15T12:30:00Z'], {
      referredBy: referrer!.id
    })
    const response = await exportCsv({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z', referredBy: referrer!.id })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(response.headers['content-disposition']).toBe('attachment; filename="accounts-2026-01-01-2026-02-01.csv"')
    const lines = response.body.split('\r\n')
    expect(lines[0]).toBe('id,email,display_name,phone,locale,time_zone,marketing_opt_in,status,created_at,referred_by,referrer_email')
    const expected = [referred[1]!, referred[3]!, referred[0]!].map(
      (account) =>
        `${account.id},${account.email},${account.displayName},,en-GB,UTC,no,active,${account.createdAt.toISOString()},${referrer!.id},${referrer!.email}`
    )
    expect(lines.slice(1)).toEqual([...expected, ''])
  })

  it('quotes the fields a spreadsheet would split', async () => {
    const [referrer] = await createdAt(['2025-11-02T08:00:00Z'])
    const [account] = await createdAt(['2025-11-03T09:00:00Z'], { displayName: 'Okafor, "Maya"', phone: '+447700900123', referredBy: referrer!.id })
    const response = await exportCsv({ from: '2025-11-03T00:00:00Z', to: '2025-11-04T00:00:00Z', referredBy: referrer!.id })
    expect(response.body.split('\r\n')[1]).toBe(
      `${account!.id},${account!.email},"Okafor, ""Maya""",+447700900123,en-GB,UTC,no,active,2025-11-03T09:00:00.000Z,${referrer!.id},${referrer!.email}`
    )
  })

  it('answers 400 for a period that ends before it starts or is longer than 92 days', async () => {
    expect((await exportCsv({ from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' })).statusCode).toBe(400)
    expect((await exportCsv({ from: '2026-01-01T00:00:00Z', to: '2026-06-01T00:00:00Z' })).statusCode).toBe(400)
    expect((await exportCsv({ from: 'yesterday', to: '2026-01-01T00:00:00Z' })).statusCode).toBe(400)
    expect((await exportCsv({ from: '2026-01-01T00:00:00Z', to: '2026-01-02T00:00:00Z', referredBy: randomUUID() })).body).toBe(
      'id,email,display_name,phone,locale,time_zone,marketing_opt_in,status,created_at,referred_by,referrer_email\r\n'
    )
  })
})
