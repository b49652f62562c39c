import { clock, el, liveElapsed, PHASE_TEXT } from './format.js'

const workshopId = location.pathname.split('/').filter(Boolean).pop()
const projector = new URLSearchParams(location.search).get('view') === 'projector'
if (projector) document.body.classList.add('projector')

const $ = (id) => document.getElementById(id)
const CHART_SHOWN = 10
const COLOURS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#db2777', '#4f46e5', '#65a30d']

let latest
let receivedAt = 0
let chart

function render(board) {
  latest = board
  receivedAt = performance.now()
  const { workshop } = board
  document.title = `${workshop.title} · Scoreboard`
  $('title').textContent = workshop.title
  $('join').replaceChildren(
    'Join: ',
    el('code', {}, `drill join ${location.origin} ${workshop.joinCode} --name <you>${workshop.mode === 'team' ? ' --team <team>' : ''}`)
  )
  $('phase').textContent = PHASE_TEXT[workshop.phase] ?? workshop.phase
  $('phase').dataset.phase = workshop.phase
  const frozen = $('frozen')
  frozen.hidden = board.frozenAtMs === null
  if (board.frozenAtMs !== null) frozen.textContent = `The board is frozen at ${clock(board.frozenAtMs)}: results after that are revealed at the end.`
  renderRanking(board)
  renderScenarios(board)
  renderChart(board)
  tick()
}

function renderRanking(board) {
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col' }, '#'),
    el('th', { scope: 'col' }, board.workshop.mode === 'team' ? 'Team' : 'Name'),
    el('th', { scope: 'col', class: 'num' }, 'Points'),
    board.scenarios.map((scenario) => el('th', { scope: 'col', class: 'scenario-col', title: scenario.title }, scenario.id)),
    el('th', { scope: 'col', class: 'num' }, 'Hints')
  )
  $('ranking').tHead.replaceChildren(head)
  const rows = board.entries.map((entry) =>
    el(
      'tr',
      { 'data-testid': 'entry', 'data-name': entry.name, 'data-points': entry.points, 'data-solved': entry.solves.length },
      el('td', { class: 'rank' }, entry.rank),
      el(
        'td',
        { class: 'who' },
        el('strong', { title: entry.name }, entry.name),
        board.workshop.mode === 'team' ? el('small', {}, entry.members.join(', ')) : null,
        el('small', { class: 'solved-count' }, `${entry.solves.length}/${board.scenarios.length} solved`)
      ),
      el('td', { class: 'num points' }, entry.points),
      board.scenarios.map((scenario) => {
        const solve = entry.solves.find((candidate) => candidate.scenario === scenario.id)
        if (!solve) return el('td', { class: 'scenario-col unsolved' }, '–')
        return el(
          'td',
          { class: `scenario-col solved${solve.first ? ' first' : ''}`, title: solve.first ? 'First solve' : '' },
          solve.first ? el('span', { class: 'star', 'aria-label': 'first solve' }, '★ ') : null,
          clock(solve.elapsedMs),
          el('small', {}, ` +${solve.points}${solve.hints ? ` · ${solve.hints} hint${solve.hints > 1 ? 's' : ''}` : ''}`)
        )
      }),
      el('td', { class: 'num' }, entry.hints)
    )
  )
  $('ranking').tBodies[0].replaceChildren(...rows)
  $('empty').hidden = board.entries.length > 0
}

function renderScenarios(board) {
  $('scenarios').replaceChildren(
    ...board.scenarios.map((scenario) =>
      el(
        'li',
        {},
        el('strong', {}, scenario.title),
        el('small', {}, ` ${scenario.id} · ${'●'.repeat(scenario.difficulty)}${'○'.repeat(3 - scenario.difficulty)} · ${scenario.timeLimitMinutes} min`),
        el('span', { class: 'first-solve' }, scenario.firstSolve ? `★ first: ${scenario.firstSolve.name} at ${clock(scenario.firstSolve.elapsedMs)}` : 'not solved yet')
      )
    )
  )
}

function renderChart(board) {
  if (!window.Chart) return
  const endMinutes = Math.max(1, (board.frozenAtMs ?? liveElapsed(board.workshop, receivedAt)) / 60_000)
  const datasets = board.entries.slice(0, CHART_SHOWN).map((entry, index) => ({
    label: entry.name,
    data: [...entry.series.map((point) => ({ x: point.elapsedMs / 60_000, y: point.points })), { x: endMinutes, y: entry.points }],
    borderColor: COLOURS[index % COLOURS.length],
    backgroundColor: COLOURS[index % COLOURS.length],
    stepped: 'before',
    pointRadius: 3,
    borderWidth: projector ? 4 : 2
  }))
  if (!chart) {
    chart = new window.Chart($('chart'), {
      type: 'line',
      data: { datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: 'minutes into the workshop' } },
          y: { beginAtZero: true, title: { display: true, text: 'points' } }
        },
        plugins: { legend: { position: 'bottom' } }
      }
    })
  } else {
    chart.data.datasets = datasets
    chart.update()
  }
  $('chart').dataset.series = String(datasets.length)
}

function tick() {
  if (!latest) return
  const { workshop } = latest
  const left = workshop.durationMs - liveElapsed(workshop, receivedAt)
  $('clock').textContent = workshop.phase === 'draft' ? clock(workshop.durationMs) : clock(left)
}
setInterval(tick, 1000)

function connect() {
  const source = new EventSource(`/api/boards/${encodeURIComponent(workshopId)}/events`)
  source.addEventListener('board', (event) => {
    $('offline').hidden = true
    render(JSON.parse(event.data))
  })
  source.addEventListener('error', () => {
    $('offline').hidden = false
  })
}

if (!projector) $('projector-link').href = `${location.pathname}?view=projector`
window.addEventListener('load', () => {
  if (latest) renderChart(latest)
})
connect()
