/**
 * Valid, unique E.164 numbers for fake clients in the countries Tablero's
 * contact centers call. Every prefix below was checked with
 * libphonenumber-js (max metadata): whatever digits follow it, the number
 * is valid for its country, so the phone rules accept each one.
 *
 * A serial number n maps to one phone and no other n maps to the same one:
 * n picks a country slot in its block of 100, the slot's serial within the
 * country picks a prefix and a scrambled tail (multiplying by a constant
 * prime to 10 is a bijection modulo 10^k).
 */
export interface CountryPlan {
  country: CountryCode
  callingCode: string
  /** national prefixes after which any `freeDigits` digits are valid */
  prefixes: string[]
  freeDigits: number
  /** slots out of every 100 clients */
  share: number
}

export type CountryCode = 'CO' | 'MX' | 'PE' | 'CL' | 'AR' | 'ES' | 'US'

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i))

const US_AREAS = ['305', '786', '212', '713', '407', '954', '646']

export const COUNTRY_PLANS: CountryPlan[] = [
  {
    country: 'CO',
    callingCode: '57',
    prefixes: [...range(300, 302), '304', '305', ...range(310, 323), '350', '351'],
    freeDigits: 7,
    share: 30,
  },
  { country: 'MX', callingCode: '52', prefixes: ['55', '33', '81'], freeDigits: 8, share: 22 },
  { country: 'PE', callingCode: '51', prefixes: ['9'], freeDigits: 8, share: 14 },
  {
    country: 'CL',
    callingCode: '56',
    prefixes: ['92', '94', '95', '98'],
    freeDigits: 7,
    share: 10,
  },
  {
    country: 'AR',
    callingCode: '54',
    prefixes: ['9111', '9112', '9113', '9114', '9115', '9116'],
    freeDigits: 7,
    share: 10,
  },
  { country: 'ES', callingCode: '34', prefixes: ['6'], freeDigits: 8, share: 8 },
  {
    country: 'US',
    callingCode: '1',
    // the exchange (4th digit) must be 2-9
    prefixes: US_AREAS.flatMap((area) => range(2, 9).map((digit) => `${area}${digit}`)),
    freeDigits: 6,
    share: 6,
  },
]

const BLOCK = 100
/** 37 is prime to 100: slot order is shuffled differently in every block. */
const SLOT_STEP = 37
const TAIL_MULTIPLIER = 7_919_317

const slotOwners: Array<{ plan: CountryPlan; rank: number }> = []
for (const plan of COUNTRY_PLANS) {
  for (let rank = 0; rank < plan.share; rank++) slotOwners.push({ plan, rank })
}
if (slotOwners.length !== BLOCK) throw new Error('Country shares must add up to 100')

/** The country of serial n (the same as the country of its phone). */
export function countryPlanOf(serial: number) {
  return slotOwners[slotOf(serial)].plan
}

/**
 * The unique phone of serial n, in E.164.
 */
export function phoneOf(serial: number) {
  const { plan, rank } = slotOwners[slotOf(serial)]
  const countrySerial = Math.floor(serial / BLOCK) * plan.share + rank
  const prefix = plan.prefixes[countrySerial % plan.prefixes.length]
  const tailIndex = Math.floor(countrySerial / plan.prefixes.length)
  const modulus = 10 ** plan.freeDigits
  if (tailIndex >= modulus) throw new Error(`Phone plan for ${plan.country} exhausted`)
  // an affine map is a bijection too; the offset keeps the first numbers
  // of each country from reading 0000000. Below 2^53: both factors < 10^8.
  const tail = (tailIndex * TAIL_MULTIPLIER + plan.share * 1_234_567) % modulus
  return {
    e164: `+${plan.callingCode}${prefix}${String(tail).padStart(plan.freeDigits, '0')}`,
    country: plan.country,
  }
}

function slotOf(serial: number) {
  const block = Math.floor(serial / BLOCK)
  return ((((serial % BLOCK) * SLOT_STEP + block * 13) % BLOCK) + BLOCK) % BLOCK
}
