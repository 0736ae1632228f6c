import { isIP } from 'node:net'

/**
 * The /24 an IPv4 belongs to ("203.0.113" for 203.0.113.7), stored beside the
 * address so "the same /24" is an indexed equality. IPv6 addresses have none:
 * they are searched exactly.
 */
export function ipNetwork(ip: string) {
  return isIP(ip) === 4 ? ip.split('.').slice(0, 3).join('.') : null
}

export function isIpAddress(value: string) {
  return isIP(value) !== 0
}
