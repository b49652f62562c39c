import { random } from '@debug-drills/drill-kit'

export interface Account {
  id: string
  email: string
  displayName: string
}

/** Sign-up details nobody has used yet. */
export function person() {
  return { email: random.email(), displayName: `${random.word()} ${random.word()}` }
}
