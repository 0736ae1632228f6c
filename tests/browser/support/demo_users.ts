import User from '#models/user'
import { DEMO_USERS } from '#database/demo_users'

export type DemoRole = 'admin' | 'supervisor' | 'agent'

/** Credentials of the seeded demo account for a role (the first agent for `agent`). */
export function demoUser(role: DemoRole) {
  return DEMO_USERS.find((user) => user.role === role)!
}

/**
 * The browser tests sign in through the real login form with the demo accounts; the test
 * database starts empty, so they are created here when missing.
 */
export async function ensureDemoUsers() {
  for (const demo of DEMO_USERS) {
    await User.firstOrCreate({ email: demo.email }, demo)
  }
}
