import { request } from 'node:http'
import { setTimeout as sleep } from 'node:timers/promises'
import type { Manifest } from '../scenarios/manifest-schema.js'

export type ReproStep = Manifest['repro'][number]

export interface ReproExchange {
  note?: string
  /** How long the replay waited before sending this request. */
  waitedMs?: number
  request: { method: string; url: string; headers: Record<string, string>; body?: string }
  response: { httpVersion: string; status: number; statusText: string; headers: [string, string][]; body: string }
  durationMs: number
}

/**
 * Replaces `{{run}}` in a step's strings, so each replay works on fresh records; `{{run:lower}}`
 * is the same token in lower case, for fields such as slugs.
 */
export function substituteRun<T>(value: T, token: string): T {
  if (typeof value === 'string') return value.replaceAll('{{run}}', token).replaceAll('{{run:lower}}', token.toLowerCase()) as T
  if (Array.isArray(value)) return value.map((item: unknown) => substituteRun(item, token)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteRun(item, token)])) as T
  return value
}

/** A short token for `{{run}}`: upper-case letters and digits, valid in SKUs, ids and emails alike. */
export function runToken(): string {
  return Array.from({ length: 5 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 32)]).join('')
}

export class ServiceUnreachableError extends Error {}

function send(baseUrl: string, step: ReproStep, apiKey: string | undefined, signal: AbortSignal): Promise<ReproExchange> {
  const url = new URL(step.path, baseUrl)
  const body = step.body === undefined ? undefined : JSON.stringify(step.body)
  const headers: Record<string, string> = { Host: url.host, 'User-Agent': 'drill-repro', Accept: 'application/json' }
  if (apiKey) headers.Authorization = `Bearer ${apiKey}`
  if (body !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) })
  const began = performance.now()
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: step.method, headers, signal, timeout: 15_000 }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const pairs: [string, string][] = []
        for (let i = 0; i < response.rawHeaders.length; i += 2) pairs.push([response.rawHeaders[i] ?? '', response.rawHeaders[i + 1] ?? ''])
        resolve({
          ...(step.note ? { note: step.note } : {}),
          ...(step.waitMs ? { waitedMs: step.waitMs } : {}),
          request: { method: step.method, url: url.toString(), headers, ...(body !== undefined ? { body } : {}) },
          response: {
            httpVersion: response.httpVersion,
            status: response.statusCode ?? 0,
            statusText: response.statusMessage ?? '',
            headers: pairs,
            body: Buffer.concat(chunks).toString('utf8')
          },
          durationMs: Math.round(performance.now() - began)
        })
      })
    })
    outgoing.on('timeout', () => outgoing.destroy(new ServiceUnreachableError(`${url.origin} accepted the connection but did not answer ${step.method} ${step.path} within 15 s`)))
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ECONNREFUSED' ? new ServiceUnreachableError(`nothing answers on ${url.origin}`) : error)
    })
    outgoing.end(body)
  })
}

export interface ReplayOptions {
  /** Replaces `{{run}}` in the steps, so each replay works on fresh records. */
  runToken: string
  /** Sent as `Authorization: Bearer <key>`. */
  apiKey?: string | undefined
  signal: AbortSignal
  onExchange?: (exchange: ReproExchange) => void
}

const SAVED_FIELD = /\{\{([a-z][A-Za-z0-9]*)\.([^}]+)\}\}/g

function savedField(saved: ReadonlyMap<string, unknown>, name: string, path: string): unknown {
  let value = saved.get(name)
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined
  if (value === undefined || value === null || typeof value === 'object') {
    throw new ReproStepError(`{{${name}.${path}}} names nothing in the answer saved as "${name}": did that request fail? Its answer is printed above.`)
  }
  return value
}

/**
 * Fills in `{{name.field}}` from earlier answers (`saveAs`). A string that is nothing but one
 * placeholder takes the field's own type, so `ids: ["{{order.id}}"]` sends a number.
 */
export function substituteSaved<T>(value: T, saved: ReadonlyMap<string, unknown>): T {
  if (typeof value === 'string') {
    const whole = /^\{\{([a-z][A-Za-z0-9]*)\.([^}]+)\}\}$/.exec(value)
    if (whole) return savedField(saved, whole[1] ?? '', whole[2] ?? '') as T
    return value.replaceAll(SAVED_FIELD, (_, name: string, path: string) => String(savedField(saved, name, path))) as T
  }
  if (Array.isArray(value)) return value.map((item: unknown) => substituteSaved(item, saved)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substituteSaved(item, saved)])) as T
  return value
}

/** A step that cannot be sent: it refers to an answer that did not hold what it needs. */
export class ReproStepError extends Error {}

/** Sends the steps one after another, as the ticket describes them, each after its wait. */
export async function replay(baseUrl: string, steps: ReproStep[], { runToken, apiKey, signal, onExchange }: ReplayOptions): Promise<ReproExchange[]> {
  const exchanges: ReproExchange[] = []
  const saved = new Map<string, unknown>()
  for (const step of steps) {
    if (step.waitMs) await sleep(step.waitMs, undefined, { signal })
    const filled = substituteRun({ ...step, path: substituteSaved(step.path, saved), body: substituteSaved(step.body, saved) }, runToken)
    const exchange = await send(baseUrl, filled, apiKey, signal)
    exchanges.push(exchange)
    onExchange?.(exchange)
    if (step.saveAs) saved.set(step.saveAs, parseJson(exchange.response.body))
  }
  return exchanges
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown
  } catch {
    return undefined
  }
}

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2)
  } catch {
    return body
  }
}

type ReproColors = { dim(text: string): string; bold(text: string): string; green(text: string): string; red(text: string): string; yellow(text: string): string }

/** Red for a server error, yellow for a refusal, green otherwise. */
function statusTone(status: number, c: ReproColors): (text: string) => string {
  return status >= 500 ? c.red : status >= 400 ? c.yellow : c.green
}

/** One exchange the way `curl -v` shows it: `>` for what was sent, `<` for what came back. */
export function formatExchange(exchange: ReproExchange, c: ReproColors): string[] {
  const { request: sent, response } = exchange
  const url = new URL(sent.url)
  const tone = statusTone(response.status, c)
  const lines: string[] = []
  if (exchange.waitedMs) lines.push(c.dim(`(waited ${exchange.waitedMs / 1000} s first)`))
  if (exchange.note) lines.push(c.bold(`# ${exchange.note}`))
  lines.push(`> ${sent.method} ${url.pathname}${url.search} HTTP/1.1`)
  for (const [name, value] of Object.entries(sent.headers)) lines.push(c.dim(`> ${name}: ${value}`))
  lines.push('>')
  if (sent.body !== undefined) lines.push(prettyBody(sent.body))
  lines.push(tone(`< HTTP/${response.httpVersion} ${response.status} ${response.statusText}`))
  for (const [name, value] of response.headers) lines.push(c.dim(`< ${name}: ${value}`))
  lines.push('<')
  if (response.body) lines.push(prettyBody(response.body))
  lines.push(c.dim(`(${exchange.durationMs} ms)`), '')
  return lines
}

/** A body on one line, at most `width` characters: JSON without its spaces, anything else as it came. */
function oneLine(body: string, width: number): string {
  let text: string
  try {
    text = JSON.stringify(JSON.parse(body))
  } catch {
    text = body.replace(/\s+/g, ' ').trim()
  }
  return text.length > width ? `${text.slice(0, width - 1)}…` : text
}

/**
 * The replay in a few lines, after the full exchanges: each request, its status and what the
 * ticket says it is for, above the answer on one line, so the answer and the expectation sit together.
 */
export function formatSummary(exchanges: readonly ReproExchange[], c: ReproColors, width = 100): string[] {
  if (!exchanges.length) return []
  const lines = [c.bold('In short')]
  exchanges.forEach((exchange, index) => {
    const { request: sent, response } = exchange
    const url = new URL(sent.url)
    const tone = statusTone(response.status, c)
    const note = exchange.note ? c.dim(` · ${exchange.note}`) : ''
    lines.push(`  ${index + 1}. ${sent.method} ${url.pathname}${url.search} → ${tone(String(response.status))}${note}`)
    lines.push(`     ${response.body ? oneLine(response.body, width) : c.dim('(no body)')}`)
  })
  return lines
}
