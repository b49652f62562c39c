import { dependencyOf, required } from './environment.js'

export interface ServiceResponse<T = unknown> {
  method: string
  path: string
  status: number
  body: T
  text: string
  headers: Headers
}

const REQUEST_TIMEOUT_MS = 8_000

export interface RequestOptions {
  /** Send this API key instead of the one the grader gave the service; `null` sends none. */
  token?: string | null
  headers?: Record<string, string>
}

/** Calls the service under test over HTTP, as its clients do: with the API key the grader configured. */
export async function request<T = unknown>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<ServiceResponse<T>> {
  return requestAt(required('DRILL_SERVICE_URL'), method, path, body, options)
}

async function requestAt<T>(base: string, method: string, path: string, body: unknown, options: RequestOptions): Promise<ServiceResponse<T>> {
  const url = new URL(path, base)
  const token = options.token === undefined ? required('DRILL_SERVICE_TOKEN') : options.token
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...options.headers
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
    })
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${REQUEST_TIMEOUT_MS / 1000} s` : (error as Error).message
    throw new Error(`${method} ${path} failed: ${reason}. Is the service still running? Its log is in the report.`)
  }
  const text = await response.text()
  let parsed: unknown = text
  try {
    parsed = text ? JSON.parse(text) : undefined
  } catch {
    // not JSON: keep the text
  }
  return { method, path, status: response.status, body: parsed as T, text, headers: response.headers }
}

export interface ServiceClient {
  get<T = unknown>(path: string, options?: RequestOptions): Promise<ServiceResponse<T>>
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ServiceResponse<T>>
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ServiceResponse<T>>
  patch<T = unknown>(path: string, body?: unknown, options?: RequestOptions): Promise<ServiceResponse<T>>
  delete<T = unknown>(path: string, options?: RequestOptions): Promise<ServiceResponse<T>>
}

function client(base: () => string): ServiceClient {
  return {
    get: (path, options = {}) => requestAt(base(), 'GET', path, undefined, options),
    post: (path, body, options = {}) => requestAt(base(), 'POST', path, body, options),
    put: (path, body, options = {}) => requestAt(base(), 'PUT', path, body, options),
    patch: (path, body, options = {}) => requestAt(base(), 'PATCH', path, body, options),
    delete: (path, options = {}) => requestAt(base(), 'DELETE', path, undefined, options)
  }
}

/** The service the ticket is about. */
export const service: ServiceClient = client(() => required('DRILL_SERVICE_URL'))

/**
 * A service the drill's service calls (the manifest's `dependsOn`), started beside it from the base commit with the
 * same API key: to set up what the service under test will read from it, or to see what it was sent.
 */
export function dependency(name: string): ServiceClient {
  return client(() => dependencyOf(name).url)
}
