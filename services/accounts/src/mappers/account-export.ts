import { csvLine } from '../lib/csv.js'
import type { AccountExportRow } from '../repositories/account-export-repository.js'

export const ACCOUNT_EXPORT_COLUMNS = [
  'id',
  'email',
  'display_name',
  'phone',
  'locale',
  'time_zone',
  'marketing_opt_in',
  'status',
  'created_at',
  'referred_by',
  'referrer_email'
] as const

export function exportHeader(): string {
  return csvLine(ACCOUNT_EXPORT_COLUMNS)
}

/** One account as a CSV record; a missing value is an empty field. */
export function toExportLine(row: AccountExportRow): string {
  return csvLine([
    row.id,
    row.email,
    row.display_name,
    row.phone ?? '',
    row.locale,
    row.time_zone,
    row.marketing_opt_in ? 'yes' : 'no',
    row.status,
    row.created_at.toISOString(),
    row.referred_by ?? '',
    row.referrer_email ?? ''
  ])
}
