import { clock, el, PHASE_TEXT } from './format.js'

const TOKEN_KEY = 'drill-facilitator-token'
const $ = (id) => document.getElementById(id)

// A link like /facilitator#token=… signs in once; the token then leaves the address bar.
const fromLink = new URLSearchParams(location.hash.slice(1)).get('token')
if (fromLink) {
  sessionStorage.setItem(TOKEN_KEY, fromLink)
  history.replaceState(null, '', location.pathname)
}

const token = () => sessionStorage.getItem(TOKEN_KEY)

function showMessage(text) {
  $('message').textContent = text
  $('message').hidden = !text
}

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { authorization: `Bearer ${token()}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined
  })
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY)
    showSignIn()
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ error: response.statusText }))
    throw new Error(problem.error ?? response.statusText)
  }
  return response
}

function showSignIn() {
  $('sign-in').hidden = false
  $('signed-in').hidden = true
  $('sign-out').hidden = true
}

const ACTIONS = {
  draft: ['start'],
  running: ['pause', 'freeze', 'end'],
  paused: ['resume', 'freeze', 'end'],
  'time-up': ['freeze', 'end'],
  ended: ['reset']
}
const CONFIRM = {
  end: 'End the workshop now? Submissions stop and the board is revealed.',
  reset: 'Reset for a new group? The board starts empty with a new join code; this round stays in the exports.'
}

const streams = new Map()

function workshopCard(workshop) {
  const actions = [...(ACTIONS[workshop.phase] ?? [])]
  if (workshop.frozenAtMs !== null && workshop.phase !== 'ended') actions.splice(actions.indexOf('freeze'), 1, 'unfreeze')
  if (workshop.phase !== 'ended' && workshop.phase !== 'draft') actions.push('reset')
  const boardUrl = `/board/${workshop.id}`
  return el(
    'article',
    { class: 'card workshop', 'data-testid': 'workshop', 'data-id': workshop.id, 'data-phase': workshop.phase },
    el('h3', {}, workshop.title, ' ', el('span', { class: 'phase', 'data-phase': workshop.phase }, PHASE_TEXT[workshop.phase] ?? workshop.phase)),
    el(
      'p',
      {},
      'Join code ',
      el('strong', { class: 'code', 'data-testid': 'join-code' }, workshop.joinCode),
      ` · round ${workshop.round} · ${workshop.mode} · ${clock(workshop.elapsedMs)} of ${workshop.durationMinutes} min`,
      workshop.frozenAtMs !== null ? ` · board frozen at ${clock(workshop.frozenAtMs)}` : ''
    ),
    el('p', { class: 'muted' }, workshop.scenarios.join(', ')),
    el(
      'div',
      { class: 'actions' },
      actions.map((action) =>
        el(
          'button',
          {
            type: 'button',
            'data-action': action,
            onclick: async () => {
              if (CONFIRM[action] && !confirm(CONFIRM[action])) return
              try {
                await api('POST', `/api/workshops/${workshop.id}/${action}`)
                showMessage('')
                await refresh()
              } catch (error) {
                showMessage(error.message)
              }
            }
          },
          action
        )
      ),
      el('a', { href: boardUrl, target: '_blank' }, 'board'),
      el('a', { href: `${boardUrl}?view=projector`, target: '_blank' }, 'projector'),
      el('button', { type: 'button', class: 'link', onclick: () => download(workshop, 'csv') }, 'export CSV'),
      el('button', { type: 'button', class: 'link', onclick: () => download(workshop, 'json') }, 'export JSON')
    ),
    el('div', { class: 'table-wrap live', 'data-testid': 'live-board' })
  )
}

async function download(workshop, format) {
  try {
    const response = await api('GET', `/api/workshops/${workshop.id}/export.${format}`)
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `workshop.${format}`
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: name })
    link.click()
    URL.revokeObjectURL(link.href)
  } catch (error) {
    showMessage(error.message)
  }
}

async function renderLiveBoard(workshop, container) {
  const board = await (await api('GET', `/api/workshops/${workshop.id}/board`)).json()
  const rows = board.entries.map((entry) =>
    el(
      'tr',
      {},
      el('td', {}, entry.rank),
      el('td', {}, entry.name),
      el('td', { class: 'num' }, entry.points),
      el('td', {}, entry.solves.map((solve) => `${solve.scenario} ${clock(solve.elapsedMs)}`).join(', ') || '–'),
      el('td', { class: 'num' }, entry.hints),
      el('td', { class: 'num' }, entry.submissions)
    )
  )
  container.replaceChildren(
    el(
      'table',
      {},
      el('caption', {}, 'Live results (not frozen)'),
      el('thead', {}, el('tr', {}, ['#', 'Name', 'Points', 'Solved', 'Hints', 'Submissions'].map((text) => el('th', { scope: 'col' }, text)))),
      el('tbody', {}, rows)
    )
  )
}

async function refresh() {
  const { workshops } = await (await api('GET', '/api/workshops')).json()
  $('no-workshops').hidden = workshops.length > 0
  $('workshops').replaceChildren(...workshops.map(workshopCard))
  for (const workshop of workshops) {
    const container = document.querySelector(`[data-id="${workshop.id}"] [data-testid="live-board"]`)
    renderLiveBoard(workshop, container).catch((error) => showMessage(error.message))
    if (!streams.has(workshop.id) && workshop.phase !== 'ended') {
      // The public stream says when something changed; the facilitator's view is then fetched live.
      const source = new EventSource(`/api/boards/${workshop.id}/events`)
      let pending
      source.addEventListener('board', () => {
        clearTimeout(pending)
        pending = setTimeout(() => refresh().catch((error) => showMessage(error.message)), 200)
      })
      streams.set(workshop.id, source)
    }
  }
}

let tracks = []

async function loadScenarios() {
  const catalogue = await (await fetch('/api/scenarios')).json()
  tracks = catalogue.tracks ?? []
  $('scenario-choices').replaceChildren(
    ...catalogue.scenarios.map((scenario) =>
      el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'scenarios', value: scenario.id, checked: true }), ` ${scenario.title} `, el('small', {}, `${scenario.id} · ${scenario.timeLimitMinutes} min`))
    )
  )
  $('track-choice').replaceChildren(
    el('option', { value: '' }, 'any drills (tick them below)'),
    ...tracks.map((track) => el('option', { value: track.id }, `${track.title} (${track.scenarios.length} drills)`))
  )
}

// Choosing a track ticks exactly its drills; the workshop keeps the track's order.
$('track-choice').addEventListener('change', (event) => {
  const track = tracks.find((candidate) => candidate.id === event.target.value)
  $('track-summary').textContent = track ? track.summary : ''
  if (!track) return
  for (const box of document.querySelectorAll('input[name="scenarios"]')) box.checked = track.scenarios.includes(box.value)
  const form = $('create')
  form.elements.title.value = track.title
})

function orderedByTrack(ids, trackId) {
  const track = tracks.find((candidate) => candidate.id === trackId)
  if (!track) return ids
  const position = (id) => (track.scenarios.includes(id) ? track.scenarios.indexOf(id) : track.scenarios.length)
  return [...ids].sort((a, b) => position(a) - position(b))
}

$('create').addEventListener('submit', async (event) => {
  event.preventDefault()
  const form = new FormData(event.target)
  const body = {
    title: form.get('title'),
    scenarios: orderedByTrack(form.getAll('scenarios'), form.get('track')),
    durationMinutes: Number(form.get('durationMinutes')),
    freezeMinutes: Number(form.get('freezeMinutes') || 0),
    mode: form.get('mode'),
    scoring: {
      pointsPerDifficulty: Number(form.get('pointsPerDifficulty')),
      hintCosts: String(form.get('hintCosts')).split(',').map((share) => Number(share.trim())).filter((share) => !Number.isNaN(share)),
      overtimePenalty: Number(form.get('overtimePenalty')),
      floor: Number(form.get('floor'))
    }
  }
  try {
    await api('POST', '/api/workshops', body)
    showMessage('')
    await refresh()
  } catch (error) {
    showMessage(error.message)
  }
})

$('sign-in').addEventListener('submit', async (event) => {
  event.preventDefault()
  sessionStorage.setItem(TOKEN_KEY, new FormData(event.target).get('token').trim())
  await start()
})

$('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY)
  showSignIn()
})

async function start() {
  if (!token()) return showSignIn()
  try {
    await refresh()
    $('sign-in').hidden = true
    $('signed-in').hidden = false
    $('sign-out').hidden = false
    showMessage('')
    await loadScenarios()
  } catch (error) {
    showMessage(error.message)
  }
}

start()
setInterval(() => {
  if (token() && !$('signed-in').hidden) refresh().catch(() => {})
}, 15_000)
