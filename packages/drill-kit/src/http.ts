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

/** Calls the service under test over HTTP, as its clients do. */
export async function request<T = unknown>(method: string, path: string, body?: unknown): Promise<ServiceResponse<T>> {
  const url = new URL(path, required('DRILL_SERVICE_URL'))
  let response: Response
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
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
  get: <T = unknown>(path: string) => request<T>('GET', path),
  post: <T = unknown>(path: string, body?: unknown) => request<T>('POST', path, body),
  put: <T = unknown>(path: string, body?: unknown) => request<T>('PUT', path, body),
  patch: <T = unknown>(path: string, body?: unknown) => request<T>('PATCH', path, body),
  delete: <T = unknown>(path: string) => request<T>('DELETE', path)
}
