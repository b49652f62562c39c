import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

// Runs in a child Node: Node 20 has a WebSocket client only behind a flag.
const CLIENT = `
const [url, expression] = process.argv.slice(1)
const socket = new WebSocket(url)
socket.onopen = () => socket.send(JSON.stringify({ id: 1, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }))
socket.onmessage = (event) => {
  const message = JSON.parse(event.data)
  if (message.id !== 1) return
  console.log(JSON.stringify(message.result.result.value))
  socket.close()
}
socket.onerror = (event) => { console.error(String(event.message ?? event)); process.exit(1) }
`

/**
 * Attaches to a Node inspector the way VS Code and DevTools do (Chrome DevTools Protocol over
 * the WebSocket that /json/list names) and evaluates an expression inside the debugged process.
 */
export async function evaluateInInspector(inspect: string, expression: string): Promise<unknown> {
  const targets = (await (await fetch(`http://${inspect}/json/list`)).json()) as { webSocketDebuggerUrl: string }[]
  const url = targets[0]?.webSocketDebuggerUrl
  if (!url) throw new Error(`no debug target on ${inspect}`)
  const flags = typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : []
  const { stdout } = await promisify(execFile)(process.execPath, [...flags, '-e', CLIENT, url, expression], { timeout: 15_000 })
  return JSON.parse(stdout)
}
