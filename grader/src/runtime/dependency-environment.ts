/**
 * How a service finds another it calls, as its .env.example names them: `<NAME>_URL` and, when
 * there is one, `<NAME>_API_KEY` (`catalog` → `CATALOG_URL`). The grader and `drill run` both
 * tell the drill's service this way.
 */
export function dependencyVariables(service: string, url: string, apiKey?: string): Record<string, string> {
  const prefix = service.toUpperCase().replaceAll('-', '_')
  return { [`${prefix}_URL`]: url, ...(apiKey ? { [`${prefix}_API_KEY`]: apiKey } : {}) }
}
