/** GSM 03.38's basic characters, one septet each; its extension characters take two. */
const GSM_BASIC = new Set('@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà')
const GSM_EXTENSION = new Set('^{}\\[~]|€\f')

/** How many segments an SMS is sent as: long messages carry a header in every segment. */
export function smsSegments(text: string): number {
  const characters = [...text]
  const gsm = characters.every((character) => GSM_BASIC.has(character) || GSM_EXTENSION.has(character))
  const length = gsm ? characters.reduce((sum, character) => sum + (GSM_EXTENSION.has(character) ? 2 : 1), 0) : characters.length
  const [single, multi] = gsm ? [160, 153] : [70, 67]
  if (length <= single) return 1
  return Math.ceil(length / multi)
}

export interface Prices {
  smsSegmentCents: number
  emailCents: number
}

/** Billable units and their price: SMS by segment, e-mail by message. */
export function priceOf(channel: 'email' | 'sms', body: string, prices: Prices): { units: number; unitPriceCents: number; costCents: number } {
  const units = channel === 'sms' ? smsSegments(body) : 1
  const unitPriceCents = channel === 'sms' ? prices.smsSegmentCents : prices.emailCents
  return { units, unitPriceCents, costCents: units * unitPriceCents }
}
