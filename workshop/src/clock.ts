import type { Workshop } from './workshop-db.js'

export type Phase = 'draft' | 'running' | 'paused' | 'time-up' | 'ended'

type ClockFields = Pick<Workshop, 'status' | 'startedAt' | 'pausedAt' | 'pausedMs' | 'durationMinutes' | 'freezeMinutes' | 'frozenAtMs' | 'endedAtMs'>

export function durationMs(workshop: Pick<Workshop, 'durationMinutes'>): number {
  return workshop.durationMinutes * 60_000
}

/**
 * The workshop's own clock: time since start, pauses left out, stopped at the end. It runs on
 * the server's time only; nothing a trainee's machine says moves it.
 */
export function workshopElapsedMs(workshop: ClockFields, now = Date.now()): number {
  if (workshop.endedAtMs !== null) return workshop.endedAtMs
  if (!workshop.startedAt) return 0
  const until = workshop.pausedAt ? workshop.pausedAt.getTime() : now
  return Math.min(durationMs(workshop), Math.max(0, until - workshop.startedAt.getTime() - workshop.pausedMs))
}

export function phase(workshop: ClockFields, now = Date.now()): Phase {
  if (workshop.status === 'running' && workshop.startedAt && workshop.endedAtMs === null && workshopElapsedMs(workshop, now) >= durationMs(workshop)) {
    return 'time-up'
  }
  return workshop.status
}

/**
 * Where the public board stopped, on the workshop clock, or null when it shows everything:
 * the facilitator's freeze or the last `freezeMinutes`, whichever comes first, until the end.
 */
export function boardFreezeMs(workshop: ClockFields, now = Date.now()): number | null {
  if (workshop.status === 'ended' || workshop.status === 'draft') return null
  const automatic = workshop.freezeMinutes > 0 ? Math.max(0, durationMs(workshop) - workshop.freezeMinutes * 60_000) : null
  const at = [workshop.frozenAtMs, automatic].filter((value): value is number => value !== null)
  if (at.length === 0) return null
  const freezeAt = Math.min(...at)
  return workshopElapsedMs(workshop, now) >= freezeAt ? freezeAt : null
}
