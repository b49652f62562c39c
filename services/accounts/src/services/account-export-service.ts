import { ExportTooLargeError, InvalidExportRangeError } from '../domain/errors.js'
import { exportHeader, toExportLine } from '../mappers/account-export.js'
import type { AccountExportFilter, AccountExportRepository } from '../repositories/account-export-repository.js'

/** The longest period one export may cover, and the most rows it may hold. */
export const EXPORT_MAX_DAYS = 92
export const EXPORT_MAX_ROWS = 20_000

/** CSV exports of the accounts created in a period, for marketing and the referral programme. */
export function createAccountExportService({ exports }: { exports: AccountExportRepository }) {
  return {
    async csv(filter: AccountExportFilter): Promise<string> {
      const days = (filter.to.getTime() - filter.from.getTime()) / 86_400_000
      if (!(days > 0) || days > EXPORT_MAX_DAYS) throw new InvalidExportRangeError(EXPORT_MAX_DAYS)
      const rows = await exports.rows(filter, EXPORT_MAX_ROWS + 1)
      if (rows.length > EXPORT_MAX_ROWS) throw new ExportTooLargeError(EXPORT_MAX_ROWS)
      return exportHeader() + rows.map(toExportLine).join('')
    }
  }
}

export type AccountExportService = ReturnType<typeof createAccountExportService>
