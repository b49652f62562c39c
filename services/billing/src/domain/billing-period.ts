import { InvalidPeriodError } from './errors.js'

const LABEL = /^(\d{4})-(0[1-9]|1[0-2])$/

/**
 * A billing period: a calendar month in UTC, written "YYYY-MM" (the contract with customers
 * says UTC, whatever timezone a server or a customer is in). Usage belongs to the period that
 * contains the instant it occurred; an invoice bills one period once it has ended.
 */
export class BillingPeriod {
  private constructor(
    readonly year: number,
    /** 1 to 12. */
    readonly month: number
  ) {}

  static parse(label: string): BillingPeriod {
    const match = LABEL.exec(label)
    if (!match) throw new InvalidPeriodError(label)
    return new BillingPeriod(Number(match[1]), Number(match[2]))
  }

  /** The period the instant falls in. */
  static containing(instant: Date): BillingPeriod {
    return new BillingPeriod(instant.getUTCFullYear(), instant.getUTCMonth() + 1)
  }

  get label(): string {
    return `${this.year}-${String(this.month).padStart(2, '0')}`
  }

  /** The first instant of the period. */
  get start(): Date {
    return new Date(Date.UTC(this.year, this.month - 1, 1))
  }

  /** The first instant after the period. */
  get end(): Date {
    return this.next().start
  }

  next(): BillingPeriod {
    return this.month === 12 ? new BillingPeriod(this.year + 1, 1) : new BillingPeriod(this.year, this.month + 1)
  }

  previous(): BillingPeriod {
    return this.month === 1 ? new BillingPeriod(this.year - 1, 12) : new BillingPeriod(this.year, this.month - 1)
  }

  contains(instant: Date): boolean {
    return instant >= this.start && instant < this.end
  }

  /** Usage can still arrive until the period's last instant; only then can it be invoiced. */
  hasEnded(now: Date): boolean {
    return this.end <= now
  }

  toString(): string {
    return this.label
  }
}
