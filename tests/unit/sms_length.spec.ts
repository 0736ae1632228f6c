import { test } from '@japa/runner'
import { GSM7_LIMIT, smsLength, UCS2_LIMIT } from '#shared/sms_length'

test.group('SMS length, counted as carriers count it', () => {
  test('plain Spanish text without á í ó ú is GSM-7 and counts one per character', ({ assert }) => {
    const text = 'Señor Muñoz: su pago de $100 fue recibido. ¿Dudas? Llame al 555-1234. ¡Gracias!'
    assert.deepEqual(smsLength(text), {
      encoding: 'GSM-7',
      length: text.length,
      limit: GSM7_LIMIT,
      fits: true,
      nonGsm: [],
    })
  })

  test('the accents of the GSM 03.38 alphabet stay GSM-7', ({ assert }) => {
    for (const character of 'éÉèùìòàñÑüÜäÄöÖåÅøØæÆßÇ£¥§¿¡ΔΦΓΛΩΠΨΣΘΞ@_\n\r') {
      assert.equal(smsLength(character).encoding, 'GSM-7', JSON.stringify(character))
      assert.equal(smsLength(character).length, 1, JSON.stringify(character))
    }
  })

  test('the extension table characters count two', ({ assert }) => {
    assert.equal(smsLength('^{}\\[~]|€\f').length, 20)
    assert.equal(smsLength('Total: 10 €').encoding, 'GSM-7')
    assert.equal(smsLength('Total: 10 €').length, 12)
  })

  test('160 septets fit one message; 161, or 159 plus a euro sign, do not', ({ assert }) => {
    assert.isTrue(smsLength('x'.repeat(160)).fits)
    assert.isFalse(smsLength('x'.repeat(161)).fits)
    const withEuro = smsLength(`${'x'.repeat(159)}€`)
    assert.deepInclude(withEuro, { encoding: 'GSM-7', length: 161, fits: false })
  })

  test('one character outside GSM-7 (á, í, ó, ú, ç, an emoji) makes it UCS-2 with 70', ({
    assert,
  }) => {
    for (const character of ['á', 'í', 'ó', 'ú', 'Á', 'ç', 'ê', '“', '😀']) {
      const counted = smsLength(`Hola ${character}`)
      assert.equal(counted.encoding, 'UCS-2', character)
      assert.equal(counted.limit, UCS2_LIMIT)
      assert.deepEqual(counted.nonGsm, [character])
    }
    assert.equal(smsLength('Hola 😀').length, 7)
    assert.deepInclude(smsLength('á'.repeat(70)), { length: 70, fits: true })
    assert.deepInclude(smsLength(`${'a'.repeat(69)}á`), { length: 70, fits: true })
    assert.deepInclude(smsLength(`${'a'.repeat(70)}á`), { length: 71, fits: false })
  })

  test('in UCS-2 extension characters count one like any other', ({ assert }) => {
    assert.deepInclude(smsLength('Canción € {x}'), { encoding: 'UCS-2', length: 13 })
    assert.deepEqual(smsLength('ó á ó').nonGsm, ['ó', 'á'])
  })
})
