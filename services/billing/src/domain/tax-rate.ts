import { InvalidTaxRateError } from './errors.js'

const RATE = /^(0|[1-9][0-9]?)(?:\.([0-9]{1,3}))?$/

/**
 * A sales tax rate in percent, with up to three decimals ("8.875"), from 0 to 99.999. Held as
 * an integer number of thousandths of a percent, so that taxing an amount never goes through
 * floating point.
 */
export class TaxRate {
  static readonly NONE = new TaxRate(0)

  private constructor(
    /** The rate in thousandths of a percent: 8.875 % is 8875. */
    readonly thousandths: number
  ) {}

  /** Reads "8.875", "20" or "0.5"; a Decimal column's `toString()` reads too. */
  static parse(text: string): TaxRate {
    const match = RATE.exec(text)
    if (!match) throw new InvalidTaxRateError(text)
    return new TaxRate(Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0')))
  }

  /**
   * The tax on an amount of cents, rounded to the nearest cent, half a cent up. Amounts are
   * never negative.
   */
  taxOn(cents: number): number {
    return Number((BigInt(cents) * BigInt(this.thousandths) + 50_000n) / 100_000n)
  }

  /** "8.875", "20", "0": no trailing zeros. */
  toString(): string {
    const whole = Math.floor(this.thousandths / 1000)
    const fraction = String(this.thousandths % 1000).padStart(3, '0').replace(/0+$/, '')
    return fraction ? `${whole}.${fraction}` : String(whole)
  }
}
