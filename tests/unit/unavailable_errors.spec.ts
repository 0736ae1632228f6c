import { test } from '@japa/runner'
import { toApiError } from '#exceptions/api_error'

/** An error shaped as the drivers throw it. */
function driverError(fields: Record<string, unknown>, message = 'driver said no') {
  return Object.assign(new Error(message), fields)
}

test.group('A backing service down answers 503, never 500', () => {
  test('a database that refuses or drops connections is 503 DATABASE_UNAVAILABLE', ({ assert }) => {
    const refusals = [
      driverError({ code: 'ECONNREFUSED' }),
      driverError({ code: 'PROTOCOL_CONNECTION_LOST', fatal: true }),
      driverError({ code: 'ER_SERVER_SHUTDOWN' }),
      driverError({ fatal: true }, "Can't add new command when connection is in closed state"),
      driverError({ name: 'KnexTimeoutError' }, 'Knex: Timeout acquiring a connection'),
    ]
    for (const error of refusals) {
      const answer = toApiError(error)
      assert.equal(answer.status, 503, error.message)
      assert.equal(answer.code, 'DATABASE_UNAVAILABLE')
      assert.notInclude(answer.message, error.message)
    }
  })

  test('Redis giving up on a command is 503 SERVICE_UNAVAILABLE', ({ assert }) => {
    for (const error of [
      driverError({ name: 'MaxRetriesPerRequestError' }),
      new Error('Connection is closed.'),
    ]) {
      const answer = toApiError(error)
      assert.equal(answer.status, 503)
      assert.equal(answer.code, 'SERVICE_UNAVAILABLE')
    }
  })

  test("a query the database refuses is still the caller's error, and anything else a 500", ({
    assert,
  }) => {
    assert.equal(toApiError(driverError({ code: 'ER_DUP_ENTRY' })).status, 409)
    assert.equal(toApiError(driverError({ code: 'ER_PARSE_ERROR' })).status, 500)
    assert.equal(toApiError(new Error('boom')).code, 'INTERNAL_ERROR')
  })
})
