import { test } from '@japa/runner'
import { buildUrl } from '../../admin/src/api/url.ts'
import { listRequest, MAX_LIST_URL_LENGTH } from '../../admin/src/providers/list_request.ts'
import { FILTER_LIMITS } from '#resources/filter_tree'

const condition = (value: string) => ({ field: 'message', op: 'eq', value })

test.group('Admin data provider: GET or POST …/query', () => {
  test('an everyday list stays a GET with the filter in the query string', ({ assert }) => {
    const filter = { and: [condition('hola'), { field: 'priority', op: 'gte', value: 3 }] }
    const request = listRequest('/api/r/greetings', { page: 2, perPage: 25, sort: '-id', filter })
    assert.deepEqual(request, {
      method: 'GET',
      path: '/api/r/greetings',
      query: { page: 2, perPage: 25, sort: '-id', filter: JSON.stringify(filter) },
    })
  })

  test('a list whose URL would pass the safe length goes as POST …/query with the same parameters', ({
    assert,
  }) => {
    // As many conditions as the engine takes, each short: far past the safe URL length.
    const filter = {
      or: Array.from({ length: FILTER_LIMITS.leaves }, (_, i) => condition(`valor ${i}`)),
    }
    const params = { page: 1, perPage: 10, sort: 'message', q: 'ana', filter }
    assert.isAbove(
      buildUrl('/api/r/greetings', { ...params, filter: JSON.stringify(filter) }).length,
      MAX_LIST_URL_LENGTH
    )
    assert.deepEqual(listRequest('/api/r/greetings', params), {
      method: 'POST',
      path: '/api/r/greetings/query',
      body: params,
    })
  })

  test('the switch happens exactly past the safe length', ({ assert }) => {
    const path = '/api/r/greetings'
    const sizeFor = (length: number) =>
      buildUrl(path, { filter: JSON.stringify(condition('x'.repeat(length))) }).length
    const base = sizeFor(0)
    const fits = MAX_LIST_URL_LENGTH - base
    assert.equal(sizeFor(fits), MAX_LIST_URL_LENGTH)
    assert.equal(listRequest(path, { filter: condition('x'.repeat(fits)) }).method, 'GET')
    assert.equal(listRequest(path, { filter: condition('x'.repeat(fits + 1)) }).method, 'POST')
  })
})
