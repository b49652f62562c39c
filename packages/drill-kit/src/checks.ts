import type { ServiceResponse } from './http.js'

/** A failed expectation, worded for the trainee; the grader prints only this message. */
export class CheckFailed extends Error {
  override name = 'CheckFailed'
}

const MAX_BODY = 300

export function describeBody(response: ServiceResponse): string {
  const text = response.text.length > MAX_BODY ? `${response.text.slice(0, MAX_BODY)}…` : response.text
  return text ? ` Response body: ${text}` : ''
}

export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new CheckFailed(message)
}

export function expectStatus(response: ServiceResponse, expected: number, context = ''): void {
  if (response.status !== expected) {
    const why = context ? ` (${context})` : ''
    throw new CheckFailed(`${response.method} ${response.path} returned ${response.status}, expected ${expected}${why}.${describeBody(response)}`)
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value))
}

export function expectEqual<T>(actual: T, expected: T, what: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new CheckFailed(`${what} was ${show(actual)}, expected ${show(expected)}.`)
  }
}
