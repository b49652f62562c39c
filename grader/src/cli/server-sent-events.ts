export interface ServerSentEvent {
  event: string
  data: string
}

/** The events of a server-sent events body (`fetch`'s `response.body`), as they arrive; comments are skipped. */
export async function* serverSentEvents(body: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder()
  let buffer = ''
  for await (const chunk of body) {
    buffer += decoder.decode(chunk, { stream: true })
    let end: number
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const lines = buffer.slice(0, end).split('\n')
      buffer = buffer.slice(end + 2)
      const data = lines.filter((line) => line.startsWith('data: ')).map((line) => line.slice(6))
      if (data.length === 0) continue
      const event = lines.find((line) => line.startsWith('event: '))?.slice(7) ?? 'message'
      yield { event, data: data.join('\n') }
    }
  }
}
