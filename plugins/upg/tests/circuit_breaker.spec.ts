import { test } from '@japa/runner'
import { CircuitBreaker } from '../backend/circuit_breaker.ts'
import { cutCard, maskPans } from '../backend/card.ts'

test.group('upg: the circuit breaker', () => {
  test('opens after N failures in a row, lets one call through after the cool-down, reopens at its failure', ({
    assert,
  }) => {
    const breaker = new CircuitBreaker(3, 1_000)
    breaker.failed(0)
    breaker.failed(0)
    breaker.succeeded() // a success in between starts the count again
    breaker.failed(0)
    breaker.failed(0)
    assert.isTrue(breaker.allow(0))
    breaker.failed(10)
    assert.isFalse(breaker.allow(500))
    assert.equal(breaker.retryInMs(500), 510)

    assert.isTrue(breaker.allow(1_010)) // half-open: one try
    breaker.failed(1_010) // one failure is enough to open again
    assert.isFalse(breaker.allow(1_500))
    assert.isTrue(breaker.allow(2_010))
    breaker.succeeded()
    breaker.failed(2_020)
    assert.isTrue(breaker.allow(2_030), 'closed again: one failure does not open it')
  })
})

test.group('upg: card numbers at the boundary', () => {
  test('a PAN, a spaced PAN or a mask is cut to BIN + last 4; anything else is not a card', ({
    assert,
  }) => {
    assert.deepEqual(cutCard('4111111111111111'), { bin: '411111', last4: '1111' })
    assert.deepEqual(cutCard('5500-0000-0000-0004'), { bin: '550000', last4: '0004' })
    assert.deepEqual(cutCard('378282******0005'), { bin: '378282', last4: '0005' })
    assert.deepEqual(cutCard('411111…1111'), { bin: '411111', last4: '1111' })
    assert.isNull(cutCard('4111'))
    assert.isNull(cutCard('hola'))
  })

  test('free text keeps long numbers that cannot be cards and masks those that can', ({
    assert,
  }) => {
    assert.equal(
      maskPans('pagó con 4111 1111 1111 1111, orden 100000000001'),
      'pagó con 411111******1111, orden 100000000001'
    )
  })
})
