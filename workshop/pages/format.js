// Small helpers shared by the board and the facilitator page. Names come from trainees:
// everything is built with DOM calls and textContent, never by pasting HTML.

export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'class') node.className = value
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value)
    else node.setAttribute(name, value === true ? '' : String(value))
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue
    node.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return node
}

export function clock(ms) {
  const total = Math.max(0, Math.floor(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = String(total % 60).padStart(2, '0')
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`
}

export const PHASE_TEXT = {
  draft: 'not started',
  running: 'running',
  paused: 'paused',
  'time-up': "time's up",
  ended: 'ended'
}

/**
 * The workshop clock as the server last gave it, moved on locally while it runs: the page
 * never trusts the viewer's own clock for anything but the seconds since the last update.
 */
export function liveElapsed(workshop, receivedAt) {
  if (workshop.phase !== 'running') return workshop.elapsedMs
  return Math.min(workshop.durationMs, workshop.elapsedMs + (performance.now() - receivedAt))
}
