import { startFakeGateway } from '#sdk/testing'

export type FakeWallet = Awaited<ReturnType<typeof startFakeGateway>>
type Answer = { status: number; body: unknown; delayMs?: number }

const VARIABLES = ['TUBOLSILLO_ADAPTER', 'TUBOLSILLO_HTTP_URL', 'TUBOLSILLO_HTTP_TIMEOUT_MS']

/**
 * A fake wallet service the test starts, with the http adapter pointed at it:
 * `answer(request)` answers each request (its method, url and JSON body).
 */
export async function startFakeWallet(
  answer: (request: { method: string; url: string; body: any }) => Answer,
  timeoutMs = 300
) {
  const saved = VARIABLES.map((name) => process.env[name])
  let fake: FakeWallet | undefined
  fake = await startFakeGateway((index) => answer(fake!.received[index]))
  process.env.TUBOLSILLO_ADAPTER = 'http'
  process.env.TUBOLSILLO_HTTP_URL = fake.origin
  process.env.TUBOLSILLO_HTTP_TIMEOUT_MS = String(timeoutMs)
  return {
    fake,
    async stop() {
      VARIABLES.forEach((name, index) => {
        if (saved[index] === undefined) delete process.env[name]
        else process.env[name] = saved[index]
      })
      await fake!.close()
    },
  }
}

/** The client id of a wallet request: `/wallets/:clientId/:action`. */
export function walletClient(url: string) {
  const match = /^\/wallets\/(\d+)\//.exec(url)
  return match ? Number(match[1]) : null
}
