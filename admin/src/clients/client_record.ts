/** A client as `/api/r/clients/:id` answers it; plugin fields may add more. */
export interface ClientRecord {
  id: number
  first_name: string
  last_name: string | null
  document: string | null
  email: string | null
  primary_phone: string | null
  country: string | null
  status: string | null
  vip: boolean
  bad: boolean
  campaign_id: number | null
  assigned_user_id: number | null
  last_interaction_at: string | null
  [field: string]: unknown
}

/** "Lucía Cano Beltrán": how people name a client on screen and in confirmations. */
export function clientName(client: Pick<ClientRecord, 'id' | 'first_name' | 'last_name'>) {
  const name = [client.first_name, client.last_name].filter(Boolean).join(' ').trim()
  return name || `#${client.id}`
}
