import { check, database, random, scenarioTest } from '@debug-drills/drill-kit'
import { allPublished, busyProduct, getPage, json, storedEventIds, walk, walkProblem, eventsPath, type Walk } from './events.js'

scenarioTest("A product's event log lists every event once, with every page size", async () => {
  const { product, ids } = await busyProduct(random.int(7, 10))
  // Every page size from one event per page to more than the log holds: the sizes that divide the
  // log exactly (1, the log's own length, any divisor) are always among them.
  const limits = Array.from({ length: ids.length + 1 }, (_, index) => index + 1)
  const walks = await Promise.all(limits.map((limit) => walk({ sku: product.sku, limit })))
  const problems = limits
    .map((limit, index) => walkProblem(walks[index]!, ids, limit, `the log of ${product.sku} (${ids.length} events)`))
    .filter((problem) => problem !== undefined)
  check(problems.length === 0, `${problems.length} of ${ids.length + 1} page sizes went wrong; ${problems.slice(0, 3).join('; ')}.`)
})

scenarioTest('Two operators paging through two products at once each get every event once', async () => {
  const [first, second] = await Promise.all([busyProduct(random.int(6, 9)), busyProduct(random.int(6, 9))])
  const limit = random.int(2, 4)
  // Page after page, alternating between the two products, each request sent with the other's.
  const walks: Walk[] = [first, second].map(() => ({ pages: [], entries: [], paths: [] }))
  const cursors: (string | null | undefined)[] = [undefined, undefined]
  for (let round = 0; round < 40 && cursors.some((cursor) => cursor !== null); round++) {
    await Promise.all(
      [first, second].map(async ({ product }, index) => {
        const cursor = cursors[index]
        if (cursor === null) return
        const path = eventsPath({ sku: product.sku, limit }, cursor)
        const page = await getPage(path)
        walks[index]!.paths.push(path)
        walks[index]!.pages.push(page.items.map((entry) => entry.id))
        cursors[index] = page.next
      })
    )
  }
  const problems = [first, second]
    .map(({ product, ids }, index) => walkProblem(walks[index]!, ids, limit, `the log of ${product.sku} (${ids.length} events, paged at the same time as another product's)`))
    .filter((problem) => problem !== undefined)
  check(problems.length === 0, `${problems.join('; ')}.`)
})

scenarioTest("A product's published events page without repeats", async () => {
  const { product } = await busyProduct(random.int(6, 9))
  await allPublished(product.sku)
  const ids = await storedEventIds(product.sku, 'published')
  const problems: string[] = []
  for (const limit of new Set([1, 2, 3, Math.ceil(ids.length / 2), ids.length - 1, ids.length])) {
    const walked = await walk({ status: 'published', sku: product.sku, limit })
    const problem = walkProblem(walked, ids, limit, `the published events of ${product.sku} (${ids.length} events)`)
    if (problem) problems.push(problem)
  }
  check(problems.length === 0, `${problems.slice(0, 3).join('; ')}.`)
})

scenarioTest('The list of all events pages without repeats or gaps', async () => {
  // Other products change while we page: the list grows at the top, and everything below the
  // first event we saw stays put. What was stored below it before the walk must all come, once.
  await busyProduct(random.int(4, 8))
  const limit = random.int(15, 30)
  const top = (await getPage(eventsPath({ limit: 1 }))).items[0]?.id
  check(top !== undefined, `GET ${eventsPath({ limit: 1 })} listed no events, though products were just changed.`)
  const rows = await database.query<{ id: number }>('SELECT id FROM outbox_events WHERE id <= $1 ORDER BY id DESC', [top])
  const stored = rows.map((row) => row.id)
  const walked = await walk({ limit })
  const below = { ...walked, pages: walked.pages.map((page) => page.filter((id) => id <= top)) }
  const problems: string[] = []
  walked.pages.forEach((page, index) => {
    if (page.length > limit) problems.push(`${walked.paths[index]} listed ${page.length} events, more than the limit of ${limit}`)
  })
  const seen = new Map<number, number>()
  below.pages.forEach((page, index) =>
    page.forEach((id) => {
      const first = seen.get(id)
      if (first !== undefined) problems.push(`event ${id} was listed twice: on page ${first + 1} and again on page ${index + 1} (${walked.paths[index]})`)
      else seen.set(id, index)
    })
  )
  const missing = stored.filter((id) => !seen.has(id))
  if (missing.length > 0) problems.push(`${missing.length} of the ${stored.length} events stored up to event ${top} never came: ${json(missing.slice(0, 5))}`)
  const listed = below.pages.flat()
  if (listed.some((id, index) => index > 0 && id >= listed[index - 1]!)) problems.push('the events did not come newest first')
  check(problems.length === 0, `Following next through GET ${eventsPath({ limit })} (all events): ${problems.slice(0, 3).join('; ')}.`)
})
