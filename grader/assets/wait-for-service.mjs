// Polls the service's health endpoint until it answers 200, or gives up. Exit 0 when ready.
const [url, timeoutMs = '20000'] = process.argv.slice(2)
const deadline = Date.now() + Number(timeoutMs)
let last = 'no answer yet'
while (Date.now() < deadline) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1000) })
    if (response.ok) process.exit(0)
    last = `HTTP ${response.status}`
  } catch (error) {
    last = error.cause?.code ?? error.message
  }
  await new Promise((resolve) => setTimeout(resolve, 50))
}
console.error(`${url} was not ready after ${timeoutMs} ms (last: ${last})`)
process.exit(1)
