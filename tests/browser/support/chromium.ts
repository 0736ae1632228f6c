import { chromium } from 'playwright-core'

/** Debian's chromium package; playwright-core brings no browser of its own. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Flags for a headless run inside containers, without background traffic that slows tests. */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function launchChromium() {
  return chromium.launch({ executablePath: EXECUTABLE, args: ARGS })
}
