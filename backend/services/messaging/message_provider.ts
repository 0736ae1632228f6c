export interface OutgoingMessage {
  channel: 'sms' | 'email'
  to: string
  subject?: string | null
  body: string
}

/**
 * Where SMS and e-mail leave the building. The provider is chosen by
 * MESSAGING_PROVIDER: `log` (default, writes to the app log, for laptops
 * and demos) or `http` (POSTs to MESSAGING_HTTP_URL, the real gateway).
 */
export interface MessageProvider {
  readonly name: string
  send(message: OutgoingMessage): Promise<{ providerMessageId: string }>
}

export class MessageProviderError extends Error {}
