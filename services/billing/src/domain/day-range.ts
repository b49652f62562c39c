import { InvalidDayRangeError } from './errors.js'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

/** The longest range a report covers: a year, leap day included. */
export const MAX_RANGE_DAYS = 366

function parseDay(text: string): Date {
  const match = DAY.exec(text)
  if (!match) throw new InvalidDayRangeError(`"${text}" is not a date; write it as YYYY-MM-DD`)
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  // Date.UTC rolls 2025-02-30 over into March; a date that does not exist is refused instead.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new InvalidDayRangeError(`${text} is not a date in the calendar`)
  }
  return date
}

/**
 * Whole calendar days in UTC, from `from` to `to`, both included: "2025-03-01 to 2025-03-31" is
 * all of March. `from` and `to` are the first instants of those days.
 */
export class DayRange {
  private constructor(
    readonly from: Date,
    readonly to: Date
  ) {}

  static parse(from: string, to: string): DayRange {
    const range = new DayRange(parseDay(from), parseDay(to))
    if (range.to < range.from) throw new InvalidDayRangeError(`The range ends (${to}) before it starts (${from})`)
    if (range.days > MAX_RANGE_DAYS) throw new InvalidDayRangeError(`A range covers at most ${MAX_RANGE_DAYS} days; ${from} to ${to} covers ${range.days}`)
    return range
  }

  /** The first instant after the range: the midnight that ends its last day. */
  get end(): Date {
    return new Date(this.to.getTime() + DAY_MS)
  }

  /** How many days the range covers, both ends included. */
  get days(): number {
    return Math.round((this.end.getTime() - this.from.getTime()) / DAY_MS)
  }

  /** Whether an instant falls on one of the range's days. */
  includes(instant: Date): boolean {
    return instant >= this.from && instant < this.end
  }

  toString(): string {
    return `${this.from.toISOString().slice(0, 10)} to ${this.to.toISOString().slice(0, 10)}`
  }
}
