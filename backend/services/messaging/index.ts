import { defineAdapter } from '#services/adapters/define_adapter'
import type { MessageProvider } from './message_provider.ts'
import { LogMessageProvider } from './log_provider.ts'
import { HttpMessageProvider } from './http_provider.ts'

export type { MessageProvider, OutgoingMessage } from './message_provider.ts'
export { MessageProviderError } from './message_provider.ts'

/**
 * Where SMS and e-mail leave the building: MESSAGING_ADAPTER=local (the
 * default, writes to the app log) or http (POSTs to MESSAGING_HTTP_URL with
 * MESSAGING_HTTP_TOKEN). MESSAGING_PROVIDER=log|http, its former name,
 * still works.
 */
export const messaging = defineAdapter<MessageProvider>({
  name: 'messaging',
  local: () => new LogMessageProvider(),
  http: (client) => new HttpMessageProvider(client),
  legacy: { variable: 'MESSAGING_PROVIDER', values: { log: 'local', http: 'http' } },
})

/** The configured provider, chosen on each call (no restart to switch). */
export function messageProvider(): MessageProvider {
  return messaging.use()
}
