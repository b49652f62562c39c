import { check, CheckFailed, database, expectStatus, random, service, type ServiceResponse } from '@debug-drills/drill-kit'

export type Channel = 'email' | 'sms'
export type Variables = Record<string, string | number>

export interface Recipient {
  recipient: string
  locale: string
  variables?: Variables
}

export interface BroadcastMessage {
  position: number
  recipient: string
  locale: string
  status: 'pending' | 'sent' | 'failed'
  reason: string | null
  deliveryId: string | null
}

export interface Broadcast {
  id: string
  template: string
  channel: Channel
  counts: { pending: number; sent: number; failed: number }
  messages: BroadcastMessage[]
}

export interface StoredMessage {
  position: number
  recipient: string
  locale: string
  status: string
  reason: string | null
  delivery_id: string | null
}

export interface StoredDelivery {
  id: string
  template_key: string
  locale: string
  channel: Channel
  recipient: string
  body: string
  units: number
  cost_cents: number
  request_id: string | null
}

const TEMPLATE_KINDS = ['restock', 'sale', 'reminder', 'launch', 'survey', 'pickup', 'renewal', 'event'] as const

/** A template key no other test of this run uses, e.g. `lamp-restock-482`. */
export function templateKey(): string {
  return random.unique(() => `${random.word().toLowerCase().replace(/[^a-z]/g, '') || 'shop'}-${random.pick(TEMPLATE_KINDS)}-${random.int(10, 999)}`)
}

/** A mobile number in E.164 from one of the countries the service sends to. */
export function phone(): string {
  return random.unique(() =>
    random.pick([`+49151${random.int(1_000_000, 9_999_999)}`, `+447700${random.int(100_000, 999_999)}`, `+336${random.int(10_000_000, 99_999_999)}`, `+3467${random.int(1_000_000, 9_999_999)}`])
  )
}

/** A recipient address of the channel no other test of this run uses. */
export function address(channel: Channel): string {
  return channel === 'sms' ? phone() : random.email()
}

export async function putTemplate(key: string, locale: string, channel: Channel, body: string, subject: string | null = null): Promise<void> {
  const response = await service.put(`/templates/${key}/${locale}/${channel}`, { body, subject })
  expectStatus(response, 200, `saving the ${channel} template ${key} for ${locale}`)
}

/** The variable names a campaign's templates use; each run picks its own. */
const PRODUCT_VARIABLES = ['product', 'item', 'article'] as const
const NAME_VARIABLES = ['name', 'firstName', 'customer'] as const
const LINK_VARIABLES = ['link', 'url', 'shopLink'] as const
const PRICE_VARIABLES = ['price', 'amount', 'total'] as const

export interface Campaign {
  key: string
  channel: Channel
  /** The variable only the `personal` locale's template needs. */
  nameVariable: string
  productVariable: string
  linkVariable: string
  /** The `|money` variable every locale's template has, when the campaign names a price. */
  priceVariable: string | null
  /** Its template greets by name; the fallback (en) and the other locales do not. */
  personal: string
  /** Locales with no template of their own, which get the English one. */
  fallbacks: string[]
  /** The text each locale's template has, for computing what a message should say. */
  texts: Record<string, string>
}

/**
 * A campaign's templates in several locales, as marketing writes them: the English one (the
 * fallback) and most others need a product and a link; one locale's also greets the recipient
 * by name, a variable the others do not need.
 */
export async function campaign({ channel = random.pick(['sms', 'email'] as const), price = false }: { channel?: Channel; price?: boolean } = {}): Promise<Campaign> {
  const key = templateKey()
  const productVariable = random.pick(PRODUCT_VARIABLES)
  const nameVariable = random.pick(NAME_VARIABLES)
  const linkVariable = random.pick(LINK_VARIABLES)
  const personal = random.pick(['de', 'fr', 'es'])
  const p = `{{${productVariable}}}`
  const l = `{{${linkVariable}}}`
  const n = `{{${nameVariable}}}`
  const priceVariable = price ? random.pick(PRICE_VARIABLES) : null
  const m = priceVariable ? ` ({{${priceVariable}|money}})` : ''
  const texts: Record<string, string> = {
    en: random.pick([`Good news: ${p}${m} is back. Order now: ${l}`, `${p}${m} is available again: ${l}`]),
    de: personal === 'de' ? `Hallo ${n}, ${p}${m} ist wieder da: ${l}` : `${p}${m} ist wieder da: ${l}`,
    fr: personal === 'fr' ? `Bonjour ${n}, ${p}${m} est de retour : ${l}` : `${p}${m} est de retour : ${l}`,
    es: personal === 'es' ? `Hola ${n}, ${p}${m} vuelve a estar disponible: ${l}` : `${p}${m} vuelve a estar disponible: ${l}`
  }
  await Promise.all(Object.entries(texts).map(([locale, text]) => putTemplate(key, locale, channel, text, channel === 'email' ? `${key} (${locale})` : null)))
  return { key, channel, nameVariable, productVariable, linkVariable, priceVariable, personal, fallbacks: ['it', 'nl', 'pl'], texts }
}

/** The text a message of the campaign should have for a recipient in `locale` with `variables`. */
export function expectedBody(c: Campaign, locale: string, variables: Variables): string {
  const text = c.texts[locale.split('-')[0]!] ?? c.texts.en!
  return text.replace(/\{\{(\w+)(\|money)?\}\}/g, (_match, name: string, money?: string) =>
    money ? new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(Number(variables[name]) / 100) : String(variables[name])
  )
}

/** An ordinary recipient: a locale whose template does not greet by name, or one who gives their name. */
export function ordinaryRecipient(c: Campaign, locale = random.pick(['en', 'en-GB', 'de', 'de-AT', 'fr', 'fr-BE', 'es', 'es-MX', ...c.fallbacks])): Recipient {
  const withName = locale.startsWith(c.personal) || random.chance(0.3)
  return { recipient: address(c.channel), locale, variables: withName ? { [c.nameVariable]: random.firstName() } : {} }
}

/** A recipient of the locale that greets by name, who has no name on file. */
export function namelessRecipient(c: Campaign): Recipient {
  return { recipient: address(c.channel), locale: random.pick([c.personal, `${c.personal}-${c.personal === 'de' ? 'CH' : c.personal === 'fr' ? 'CA' : 'MX'}`]), variables: {} }
}

export function sharedVariables(c: Campaign): Variables {
  return {
    [c.productVariable]: random.productName(),
    [c.linkVariable]: `https://shop.example/p/${random.int(10_000, 99_999)}`,
    ...(c.priceVariable ? { [c.priceVariable]: random.cents() } : {})
  }
}

export function describeRecipient(r: Recipient): string {
  return `${r.recipient} (${r.locale})`
}

export interface Sent {
  broadcast: Broadcast
  requestId: string
  request: string
}

/** POST /broadcasts, which must accept the broadcast with 202. */
export async function sendBroadcast(c: Campaign, variables: Variables, recipients: Recipient[]): Promise<Sent> {
  const request = `POST /broadcasts (template ${c.key}, ${c.channel}, ${recipients.length} recipients)`
  let response: ServiceResponse<Broadcast>
  try {
    response = await service.post<Broadcast>('/broadcasts', { template: c.key, channel: c.channel, variables, recipients })
  } catch (error) {
    throw new CheckFailed(`${request} got no answer: ${(error as Error).message}`)
  }
  expectStatus(response, 202, `a broadcast to ${recipients.map(describeRecipient).join(', ')}`)
  return { broadcast: response.body, requestId: response.headers.get('x-request-id') ?? '', request }
}

const SETTLE_DEADLINE_MS = 8_000

/** Reads GET /broadcasts/:id until no message is pending, as a client does after the 202. */
export async function settled({ broadcast, request }: Sent): Promise<Broadcast> {
  const path = `/broadcasts/${broadcast.id}`
  const deadline = Date.now() + SETTLE_DEADLINE_MS
  for (;;) {
    let response: ServiceResponse<Broadcast>
    try {
      response = await service.get<Broadcast>(path)
    } catch (error) {
      throw new CheckFailed(`${request} answered 202, then GET ${path} got no answer: ${(error as Error).message}`)
    }
    expectStatus(response, 200, `reading the broadcast that ${request} accepted`)
    if (response.body.counts.pending === 0) return response.body
    if (Date.now() > deadline) {
      const pending = response.body.messages.filter((message) => message.status === 'pending').map((message) => `${message.recipient} (${message.locale})`)
      throw new CheckFailed(`${SETTLE_DEADLINE_MS / 1000} s after ${request} answered 202, GET ${path} still says pending for ${pending.join(', ')}; every message should end sent or failed.`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export async function storedMessages(broadcastId: string): Promise<StoredMessage[]> {
  return database.query<StoredMessage>(
    'SELECT position, recipient, locale, status::text AS status, reason, delivery_id FROM broadcast_messages WHERE broadcast_id = $1 ORDER BY position',
    [broadcastId]
  )
}

export async function storedDelivery(id: string): Promise<StoredDelivery | undefined> {
  const [row] = await database.query<StoredDelivery>(
    'SELECT id, template_key, locale, channel::text AS channel, recipient, body, units, cost_cents, request_id FROM deliveries WHERE id = $1',
    [id]
  )
  return row
}

export async function deliveriesTo(recipient: string): Promise<number> {
  const [row] = await database.query<{ count: string }>('SELECT count(*) AS count FROM deliveries WHERE recipient = $1', [recipient])
  return Number(row?.count ?? 0)
}

/**
 * Checks, with SQL, that an ordinary recipient's message was sent and stored: status sent, a
 * delivery of that recipient with the text of their locale's template.
 */
export async function expectDelivered(sent: Sent, c: Campaign, variables: Variables, r: Recipient, message: StoredMessage | undefined): Promise<void> {
  const who = `the message to ${describeRecipient(r)} of ${sent.request}`
  check(message, `${sent.request} accepted ${describeRecipient(r)}, but broadcast_messages has no row for it.`)
  check(message.status === 'sent', `${who} ended ${message.status}${message.reason ? ` (${message.reason})` : ''}; expected sent.`)
  check(message.delivery_id, `${who} is sent, but its delivery_id in broadcast_messages is empty.`)
  const delivery = await storedDelivery(message.delivery_id)
  check(delivery, `${who} points at delivery ${message.delivery_id}, which is not in the deliveries table.`)
  const body = expectedBody(c, r.locale, { ...variables, ...r.variables })
  check(
    delivery.recipient === r.recipient && delivery.body === body && delivery.template_key === c.key,
    `${who} was stored as ${JSON.stringify({ recipient: delivery.recipient, template: delivery.template_key, body: delivery.body })}; expected ${JSON.stringify({ recipient: r.recipient, template: c.key, body })}.`
  )
  check(delivery.request_id === sent.requestId, `${who} has request_id ${delivery.request_id} in deliveries; expected the x-request-id of the POST, ${sent.requestId}.`)
}

/** After everything, the service must still answer: its health check and an ordinary single message. */
export async function expectStillAnswering(after: string): Promise<void> {
  let health: ServiceResponse
  try {
    health = await service.get('/health')
  } catch (error) {
    throw new CheckFailed(`After ${after}, GET /health got no answer: ${(error as Error).message}`)
  }
  expectStatus(health, 200, `the health check after ${after}`)
  const key = templateKey()
  await putTemplate(key, 'en', 'sms', 'Your code is {{code}}')
  const code = String(random.int(100_000, 999_999))
  const recipient = phone()
  let single: ServiceResponse
  try {
    single = await service.post('/notifications', { template: key, channel: 'sms', recipient, locale: 'en', variables: { code } })
  } catch (error) {
    throw new CheckFailed(`After ${after}, POST /notifications (a login code to ${recipient}) got no answer: ${(error as Error).message}`)
  }
  expectStatus(single, 201, `a login code to ${recipient}, sent after ${after}`)
}
