import { test } from '@japa/runner'
import { documentKey, nameWords, searchWords } from '#services/client_names'
import { ClientSearch } from '#services/client_search'

test.group('Client names: the words search finds (C14)', () => {
  test('the words of the names are folded: accents, case, hyphens and repeats', ({ assert }) => {
    assert.deepEqual(nameWords('María José', 'Villanueva-Cruz'), [
      'maria',
      'jose',
      'villanueva',
      'cruz',
    ])
    assert.deepEqual(nameWords('ÓSCAR', "O'Higgins Peña  Peña"), ['oscar', 'o', 'higgins', 'pena'])
    assert.deepEqual(nameWords('Inés', null), ['ines'])
    assert.deepEqual(nameWords('  ', undefined), [])
  })

  test('a very long word is cut to the index column width', ({ assert }) => {
    const [word] = nameWords('a'.repeat(60), '')
    assert.lengthOf(word, 40)
  })

  test('search words fold the same way, at most five', ({ assert }) => {
    assert.deepEqual(searchWords('  CRUZ   maría '), ['cruz', 'maria'])
    assert.deepEqual(searchWords('a b c d e f g'), ['a', 'b', 'c', 'd', 'e'])
    assert.deepEqual(searchWords('100%_'), ['100'])
  })

  test('a document keeps its letters and digits, upper-cased', ({ assert }) => {
    assert.equal(documentKey('15.926.822-5'), '159268225')
    assert.equal(documentKey('12.345.678-k'), '12345678K')
    assert.equal(documentKey(' AB 12/34 '), 'AB1234')
    assert.isNull(documentKey('--'))
    assert.isNull(documentKey(null))
  })

  test('a search text is an e-mail, digits (document or phone) or words', ({ assert }) => {
    assert.deepEqual(ClientSearch.classify('Ana@Correo'), { kind: 'email', text: 'ana@correo' })
    assert.deepEqual(ClientSearch.classify('+57 (300) 123-4567'), {
      kind: 'digits',
      digits: '573001234567',
    })
    assert.deepEqual(ClientSearch.classify('cruz maría'), {
      kind: 'text',
      words: ['cruz', 'maria'],
      document: null,
    })
    assert.deepEqual(ClientSearch.classify('12.345.678-K'), {
      kind: 'text',
      words: ['12', '345', '678', 'k'],
      document: '12345678K',
    })
  })
})
