// A node:test reporter that prints one JSON line per finished test, for the grader to read.
// Messages are the test's own failure messages; the test's source is never printed.
const SOURCE_LEAK = /^The expression evaluated to a falsy value/

function messageOf(error) {
  if (!error) return undefined
  if (error.failureType === 'testTimeoutFailure') return error.message
  const original = error.cause ?? error
  const message = String(original?.message ?? original)
  if (SOURCE_LEAK.test(message)) return 'A check in this test failed.'
  return message.split('\n\n')[0].trim()
}

export default async function* jsonReporter(source) {
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue
    const { data } = event
    if (data.details?.type === 'suite') continue
    yield `${JSON.stringify({
      drill: 'test',
      name: data.name,
      file: data.file,
      passed: event.type === 'test:pass',
      skipped: Boolean(data.skip || data.todo),
      durationMs: Math.round(data.details?.duration_ms ?? 0),
      failureType: data.details?.error?.failureType,
      message: event.type === 'test:fail' ? messageOf(data.details?.error) : undefined
    })}\n`
  }
}
