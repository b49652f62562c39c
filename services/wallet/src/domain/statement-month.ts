import { InvalidMonthError } from './errors.js'

export interface StatementMonth {
  label: string
  /** The first instant of the month, UTC. */
  start: Date
  /** The first instant of the next month, UTC: the month is [start, end). */
  end: Date
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A calendar month in UTC, written `YYYY-MM`. */
export function parseMonth(label: string): StatementMonth {
  const match = MONTH.exec(label)
  if (!match) throw new InvalidMonthError(label)
  const year = Number(match[1])
  const month = Number(match[2]) - 1
  return { label, start: new Date(Date.UTC(year, month, 1)), end: new Date(Date.UTC(year, month + 1, 1)) }
}

/** The month an instant falls in, UTC. */
export function monthOf(instant: Date): string {
  return instant.toISOString().slice(0, 7)
}
