import type { CountryCode } from './phone_plan.ts'
import { foldForSearch } from '#services/client_names'

const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE'
const CURP_STATES = ['DF', 'JC', 'NL', 'MC', 'PL', 'GT', 'VZ', 'YN', 'BC', 'QR']

/**
 * An identity document in the shape each country uses: Colombian cédula,
 * Peruvian and Argentine DNI, Chilean RUT with its check digit, Spanish DNI
 * with its letter, Mexican CURP. `serial` keeps numbers distinct per client.
 */
export function documentFor(
  country: CountryCode,
  serial: number,
  person: { firstName: string; lastName: string; gender: string; birthDate: string }
): string | null {
  // 48271 is prime to 9·10^7, so distinct serials give distinct numbers
  const number = ((serial * 48_271 + 12_345) % 90_000_000) + 10_000_000
  switch (country) {
    case 'CO':
      return String(number < 50_000_000 ? number + 1_000_000_000 : number)
    case 'PE':
    case 'AR':
      return String(number)
    case 'CL':
      return `${number % 30_000_000}-${rutCheckDigit(number % 30_000_000)}`
    case 'ES':
      return `${number}${DNI_LETTERS[number % 23]}`
    case 'MX':
      return curp(person, serial)
    case 'US':
      return null
  }
}

function rutCheckDigit(body: number) {
  let sum = 0
  let factor = 2
  for (let rest = body; rest > 0; rest = Math.floor(rest / 10)) {
    sum += (rest % 10) * factor
    factor = factor === 7 ? 2 : factor + 1
  }
  const digit = 11 - (sum % 11)
  return digit === 11 ? '0' : digit === 10 ? 'K' : String(digit)
}

/**
 * A CURP-shaped code: initials, birth date, sex, state, consonants and a
 * two-character homonymy suffix taken from the serial.
 */
function curp(
  person: { firstName: string; lastName: string; gender: string; birthDate: string },
  serial: number
) {
  const [paternal, maternal = 'X'] = foldForSearch(person.lastName).toUpperCase().split(' ')
  const given = foldForSearch(person.firstName).toUpperCase()
  const vowel = paternal.slice(1).match(/[AEIOU]/)?.[0] ?? 'X'
  const consonant = (word: string) => word.slice(1).match(/[^AEIOU]/)?.[0] ?? 'X'
  const date = person.birthDate.replaceAll('-', '').slice(2)
  const sex = person.gender === 'female' ? 'M' : 'H'
  const state = CURP_STATES[serial % CURP_STATES.length]
  const suffix = (serial % 1296).toString(36).toUpperCase().padStart(2, '0')
  return (
    `${paternal[0]}${vowel}${maternal[0]}${given[0]}${date}${sex}${state}` +
    `${consonant(paternal)}${consonant(maternal)}${consonant(given)}${suffix}`
  )
}
