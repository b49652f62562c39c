import type { LedgerEntry, Wallet } from '../generated/prisma/client.js'
import type { EntryResponse, WalletResponse } from '../schemas/wallets.js'

export function toWallet(wallet: Wallet): WalletResponse {
  return {
    customerId: wallet.customerId,
    currency: wallet.currency,
    balanceCents: wallet.balanceCents,
    createdAt: wallet.createdAt.toISOString(),
    updatedAt: wallet.updatedAt.toISOString()
  }
}

export function toEntry(entry: LedgerEntry): EntryResponse {
  return {
    id: entry.id.toString(),
    kind: entry.kind === 'spend' ? 'spend' : 'top_up',
    amountCents: entry.amountCents,
    balanceAfterCents: entry.balanceAfterCents,
    reference: entry.reference,
    description: entry.description,
    actor: entry.actor,
    createdAt: entry.createdAt.toISOString()
  }
}
