import { test } from '@japa/runner'
import type { CrudFilter } from '@refinedev/core'
import { toFilterTree, toSortParam } from '../../admin/src/providers/filter_tree.ts'
import { listRequest } from '../../admin/src/providers/list_request.ts'
import { signInAs } from './support/admin_screens.ts'
import { useAdminUi } from './support/admin_ui.ts'

/**
 * The admin's data provider turns Refine's filters and sorters into the resource engine's query
 * string. This checks the translation itself against the real API, with the session of a
 * signed-in browser; the generated screens' specs check it through the UI.
 */
test.group('Admin data provider contract (K7)', (group) => {
  const ui = useAdminUi(group)

  test('and/or filter groups and sorting reach the resource engine as Refine states them', async ({
    assert,
  }) => {
    const { page, context } = ui
    await signInAs(page, 'admin')
    const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')!
    const headers = { 'X-XSRF-TOKEN': decodeURIComponent(xsrf.value) }
    const marker = `contract-${Date.now()}`

    const created: number[] = []
    for (const row of [
      { message: `alpha ${marker}`, language: 'es', priority: 1 },
      { message: `beta ${marker}`, language: 'es', priority: 5 },
      { message: `gamma ${marker}`, language: 'en', priority: 5 },
    ]) {
      const response = await page.request.post('/api/r/greetings', { data: row, headers })
      assert.equal(response.status(), 201, await response.text())
      created.push((await response.json()).data.id)
    }

    try {
      const filters: CrudFilter[] = [
        { field: 'message', operator: 'contains', value: marker },
        {
          operator: 'or',
          value: [
            { field: 'message', operator: 'startswith', value: 'alpha' },
            { field: 'priority', operator: 'gte', value: 4 },
          ],
        },
        { field: 'language', operator: 'eq', value: 'es' },
        { field: 'send_on', operator: 'eq', value: undefined },
      ]
      const response = await page.request.get('/api/r/greetings', {
        params: {
          page: 1,
          perPage: 10,
          sort: toSortParam([{ field: 'priority', order: 'desc' }])!,
          filter: JSON.stringify(toFilterTree(filters)),
        },
      })
      assert.equal(response.status(), 200, await response.text())
      const body = await response.json()
      assert.equal(body.meta.total, 2)
      assert.deepEqual(
        body.data.map((row: { message: string }) => row.message),
        [`beta ${marker}`, `alpha ${marker}`]
      )
    } finally {
      for (const id of created) await page.request.delete(`/api/r/greetings/${id}`, { headers })
    }
  })

  test('a filter too long for a URL reaches the engine by POST …/query and finds what a short one does', async ({
    assert,
  }) => {
    const { page, context } = ui
    await signInAs(page, 'admin')
    const xsrf = (await context.cookies()).find((cookie) => cookie.name === 'XSRF-TOKEN')!
    const headers = { 'X-XSRF-TOKEN': decodeURIComponent(xsrf.value) }
    const marker = `long-${Date.now()}`
    const created = await page.request.post('/api/r/greetings', {
      data: { message: marker, language: 'es', priority: 2 },
      headers,
    })
    assert.equal(created.status(), 201, await created.text())
    const id = (await created.json()).data.id

    try {
      const short = listRequest('/api/r/greetings', {
        filter: { field: 'message', op: 'eq', value: marker },
      })
      const long = listRequest('/api/r/greetings', {
        page: 1,
        perPage: 10,
        filter: {
          or: [
            { field: 'message', op: 'eq', value: marker },
            ...Array.from({ length: 120 }, (_, i) => ({
              field: 'message',
              op: 'eq',
              value: `otro mensaje ${i}`,
            })),
          ],
        },
      })
      assert.equal(short.method, 'GET')
      assert.equal(long.method, 'POST')
      const byGet =
        short.method === 'GET'
          ? await page.request.get(short.path, { params: short.query as Record<string, string> })
          : null
      const byPost =
        long.method === 'POST'
          ? await page.request.post(long.path, { data: long.body, headers })
          : null
      for (const response of [byGet!, byPost!]) {
        assert.equal(response.status(), 200, await response.text())
        const body = await response.json()
        assert.deepEqual(
          body.data.map((row: { id: number }) => row.id),
          [id]
        )
      }
    } finally {
      await page.request.delete(`/api/r/greetings/${id}`, { headers })
    }
  })
})
