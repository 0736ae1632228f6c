export interface OutgoingMessage {
  channel: 'sms' | 'email'
  to: string
  subject?: string | null
  body: string
}

/**
 * Where SMS and e-mail leave the building (`messaging` in ./index.ts
 * chooses): `log` writes to the app log, for laptops and demos; `http`
 * POSTs to the real gateway. `name` is stored on each client message.
 */
export interface MessageProvider {
  readonly name: string
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>
}

export class MessageProviderError extends Error {}
