import type { FeesReportResponse } from '../schemas/reports.js'
import type { FeesReport } from '../services/report-service.js'

export function toFeesReport(report: FeesReport): FeesReportResponse {
  return {
    month: report.month,
    currencies: report.currencies.map((currency) => ({
      ...currency,
      fees: currency.fees.toNumber(),
      days: currency.days.map((day) => ({ ...day, fees: day.fees.toNumber() }))
    }))
  }
}
