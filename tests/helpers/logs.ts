import logger from '@adonisjs/core/services/logger'

/**
 * Every line the app's logger writes (request loggers are its children and
 * share its stream), as serialized, until `stop()`.
 */
export function captureLogs() {
  // The logger service is itself the default logger (its own pino).
  const root = (logger as unknown as { pino: Record<symbol, any> }).pino
  let owner: object | null = root
  let symbol: symbol | undefined
  while (owner && !symbol) {
    symbol = Object.getOwnPropertySymbols(owner).find((s) => s.description === 'pino.stream')
    owner = Object.getPrototypeOf(owner)
  }
  const stream = root[symbol!]
  const write = stream.write
  const lines: string[] = []
  stream.write = (line: string) => {
    lines.push(String(line))
    return true
  }
  return {
    text: () => lines.join('\n'),
    /** The handler may log after the answer is sent: waits for the line. */
    async waitFor(text: string) {
      for (let poll = 0; poll < 100 && !lines.some((line) => line.includes(text)); poll++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    },
    stop: () => {
      stream.write = write
    },
  }
}
