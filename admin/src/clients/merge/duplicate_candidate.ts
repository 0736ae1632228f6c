/** A client that shares a phone or an e-mail with the one on screen (C12). */
export interface DuplicateCandidate {
  id: number
  first_name: string
  last_name: string | null
  /** Which contact matched: `primary_phone`, `phone`, `email`… */
  reason: string
}
