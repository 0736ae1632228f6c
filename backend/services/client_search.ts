import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'
import { documentKey, searchWords } from '#services/client_names'
import type { SearchOrder } from '#resources/types'

/** The alias of the word index row that drives a name search. */
const DRIVER = 'name_words'

/** Digits of a phone that make a suffix search: fewer would match too many numbers. */
export const PHONE_SUFFIX_MIN = 6
/** client_phones.tail holds this many last digits (migration 1766300000200). */
export const PHONE_TAIL_LENGTH = 6
/** Digits of a document prefix worth searching. */
const DOCUMENT_MIN = 4

/** What a search text looks like once its punctuation is gone. */
type SearchKind =
  | { kind: 'email'; text: string }
  | { kind: 'digits'; digits: string }
  | { kind: 'text'; words: string[]; document: string | null }

/**
 * C14 search (seed 001 Búsqueda: Documento, Nombre, Teléfono), always on an
 * index, the same on SQLite and MariaDB:
 * - an e-mail (has "@"): prefix of the e-mail;
 * - only digits (spaces, dots, dashes, parentheses and "+" ignored): a
 *   document by prefix ("15926822" finds "15926822-5"), or a phone of the
 *   client ending in them, from 6 digits ("the last 7 digits", the number
 *   without its country code, the full E.164 number);
 * - anything else: every word must start a word of the client's names, in
 *   any order, accents and case ignored ("cruz maría"); a text with a
 *   digit may also be a document ("AB-1234").
 */
export class ClientSearch {
  static classify(q: string): SearchKind {
    const text = q.trim()
    if (text.includes('@')) return { kind: 'email', text: text.toLowerCase() }
    const digits = text.replace(/[\s().+\-/]/g, '')
    if (/^\d+$/.test(digits)) return { kind: 'digits', digits }
    const key = /\d/.test(text) ? documentKey(text) : null
    return {
      kind: 'text',
      words: searchWords(text),
      document: key && key.length >= DOCUMENT_MIN ? key : null,
    }
  }

  static apply(query: DatabaseQueryBuilderContract, q: string): SearchOrder | void {
    const search = this.classify(q)
    if (search.kind === 'email') {
      query.whereRaw(`?? LIKE ? ESCAPE '!'`, ['email', `${escapeLike(search.text)}%`])
      return
    }
    if (search.kind === 'digits') {
      this.#byDigits(query, search.digits)
      return
    }
    const { words, document } = search
    if (words.length === 0 && !document) {
      query.whereRaw('1 = 0')
      return
    }
    if (!document) return this.#byWords(query, words)
    // A text that may be a document or names ("AB-1234"), rare: both, on subqueries.
    query.where((sub) => {
      sub.where((byName) => {
        for (const word of words) {
          byName.whereIn('clients.id', (index: DatabaseQueryBuilderContract) =>
            index
              .from('client_name_words')
              .select('client_id')
              .whereRaw(...wordPrefix('word', word))
          )
        }
      })
      sub.orWhere((byDocument) => this.#byDocument(byDocument, document))
    })
  }

  /**
   * Every word a prefix of a word of the client's names, read from the
   * word index in its own order: the longest word (likely the rarest)
   * drives, as a range of client_name_words' primary key (word,
   * client_id), and the rest is read on the row itself, from its client's
   * word line (" maria martinez vega "): each other word starts a word of
   * the line, and the row's word is the line's first word with the
   * driving prefix, so a client whose names hold it twice ("Mario
   * Martínez" for "mar") is kept once. The page stops after its rows and
   * the capped count after 1,001: no sort, no probe per row.
   */
  static #byWords(query: DatabaseQueryBuilderContract, words: string[]): SearchOrder {
    const [driver, ...others] = [...words].sort((a, b) => b.length - a.length)
    query
      .join(`client_name_words as ${DRIVER}`, `${DRIVER}.client_id`, 'clients.id')
      .whereRaw(...wordPrefix(`${DRIVER}.word`, driver))
      .whereRaw(`INSTR(${DRIVER}.words, ?) = ${DRIVER}.word_pos`, [` ${driver}`])
    for (const word of others) {
      query.whereRaw(`${DRIVER}.words LIKE ? ESCAPE '!'`, [`% ${escapeLike(word)}%`])
    }
    return [
      { column: `${DRIVER}.word`, direction: 'asc' },
      { column: `${DRIVER}.client_id`, direction: 'asc' },
    ]
  }

  static #byDocument(query: DatabaseQueryBuilderContract, key: string) {
    query.whereRaw(`?? LIKE ? ESCAPE '!'`, ['document_key', `${escapeLike(key)}%`])
  }

  static #byDigits(query: DatabaseQueryBuilderContract, digits: string) {
    if (digits.length < DOCUMENT_MIN) {
      query.whereRaw('1 = 0')
      return
    }
    query.where((sub) => {
      sub.where((byDocument) => this.#byDocument(byDocument, digits))
      if (digits.length >= PHONE_SUFFIX_MIN) {
        sub.orWhereIn('clients.id', (phones: DatabaseQueryBuilderContract) =>
          ClientSearch.phonesEndingIn(phones, digits)
        )
      }
    })
  }

  /** client_id of the phones ending in `digits` (at least PHONE_SUFFIX_MIN), on the tail index. */
  static phonesEndingIn(query: DatabaseQueryBuilderContract, digits: string) {
    return query
      .from('client_phones')
      .select('client_id')
      .where('tail', digits.slice(-PHONE_TAIL_LENGTH))
      .whereRaw(`?? LIKE ?`, ['e164', `%${digits}`])
  }
}

/** `column LIKE 'word%'` as whereRaw arguments. */
function wordPrefix(column: string, word: string): [string, string[]] {
  return [`${column} LIKE ? ESCAPE '!'`, [`${escapeLike(word)}%`]]
}

function escapeLike(text: string) {
  return text.replace(/[!%_]/g, (char) => `!${char}`)
}
