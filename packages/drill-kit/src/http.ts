import { required } from './environment.js'

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
  const url = new URL(path, required('DRILL_SERVICE_URL'))
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

export const service = {
  get: <T = unknown>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body, options),
  put: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body, options),
  patch: <T = unknown>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body, options),
  delete: <T = unknown>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options)
}
