import { WORD_ORDER, type ListShape } from './list_sql.ts'
import { CLIENT_STATUSES, NAME_PREFIXES, NAME_WORDS, type BenchSamples } from './bench_samples.ts'

export interface BenchRequest {
  path: string
  /** the list the API runs for it; none for a reference scenario */
  shape?: ListShape
}

/**
 * One thing the admin does all day, with the p95 it must stay under at a
 * million clients, and the requests (varied values) that exercise it.
 */
export interface Scenario {
  name: string
  targetP95: number
  /** the endpoint answers { data } without meta.total */
  lookup?: boolean
  /**
   * Not a list: the fixed cost of any signed-in request (bearer token
   * check, session and shield middleware, JSON), measured for reference
   * and compared with nothing.
   */
  reference?: boolean
  /**
   * FEATURES X2: a custom-field scenario names the built-in one it must
   * keep up with (p95 at most X2_FACTOR × the built-in's, and ≤ targetP95).
   */
  builtIn?: string
  requests(samples: BenchSamples): BenchRequest[]
}

const LIST_SORT = [{ column: 'id', direction: 'desc' as const }]
const PAGE = 25
/** X2: a custom field's p95 may be at most this many times the built-in column's. */
export const X2_FACTOR = 2

const filterPath = (leaves: Array<{ field: string; value: string | number }>) =>
  `/api/r/clients?filter=${encodeURIComponent(
    JSON.stringify({ and: leaves.map((leaf) => ({ ...leaf, op: 'eq' })) })
  )}`

export const SCENARIOS: Scenario[] = [
  {
    name: 'auth/me (floor)',
    targetP95: 10,
    reference: true,
    requests: () => [{ path: '/api/auth/me' }],
  },
  {
    name: 'list, default sort',
    targetP95: 50,
    requests: () => [{ path: '/api/r/clients', shape: { sort: LIST_SORT, perPage: PAGE } }],
  },
  {
    name: 'sort by -created_at',
    targetP95: 50,
    requests: () => [
      {
        path: '/api/r/clients?sort=-created_at',
        shape: { sort: [{ column: 'created_at', direction: 'desc' }], perPage: PAGE },
      },
    ],
  },
  {
    name: 'sort by last_name',
    targetP95: 50,
    requests: () => [
      {
        path: '/api/r/clients?sort=last_name',
        shape: { sort: [{ column: 'last_name', direction: 'asc' }], perPage: PAGE },
      },
    ],
  },
  {
    name: 'filter by agent',
    targetP95: 50,
    requests: ({ agentIds }) =>
      agentIds.map((id) => ({
        path: filterPath([{ field: 'assigned_user_id', value: id }]),
        shape: {
          equals: [{ column: 'assigned_user_id', value: id }],
          sort: LIST_SORT,
          perPage: PAGE,
        },
      })),
  },
  {
    name: 'filter by campaign + status',
    targetP95: 50,
    requests: ({ campaignIds }) =>
      campaignIds.flatMap((id) =>
        CLIENT_STATUSES.map((status) => ({
          path: filterPath([
            { field: 'campaign_id', value: id },
            { field: 'status', value: status },
          ]),
          shape: {
            equals: [
              { column: 'campaign_id', value: id },
              { column: 'status', value: status },
            ],
            sort: LIST_SORT,
            perPage: PAGE,
          },
        }))
      ),
  },
  {
    name: 'phone lookup',
    targetP95: 10,
    lookup: true,
    requests: ({ phones }) =>
      phones.map((phone) => ({
        path: `/api/clients/lookup?phone=${encodeURIComponent(phone)}`,
        shape: { phone, sort: [{ column: 'id', direction: 'asc' }], perPage: 20 },
      })),
  },
  {
    name: 'name prefix search',
    targetP95: 50,
    requests: () =>
      NAME_PREFIXES.map((prefix) => ({
        path: `/api/r/clients?q=${encodeURIComponent(prefix)}`,
        // no sort in the request: the word search answers its own order (the word index's)
        shape: {
          nameSearch: prefix,
          sort: WORD_ORDER,
          perPage: PAGE,
        },
      })),
  },
  {
    name: 'name word search',
    targetP95: 50,
    requests: () =>
      NAME_WORDS.map((words) => ({
        path: `/api/r/clients?q=${encodeURIComponent(words)}`,
        shape: {
          nameSearch: words,
          sort: WORD_ORDER,
          perPage: PAGE,
        },
      })),
  },
  {
    name: 'X2 built-in: filter status',
    targetP95: 50,
    requests: () =>
      CLIENT_STATUSES.map((status) => ({
        path: filterPath([{ field: 'status', value: status }]),
        shape: { equals: [{ column: 'status', value: status }], sort: LIST_SORT, perPage: PAGE },
      })),
  },
  {
    name: 'X2 custom: filter select',
    targetP95: 100,
    builtIn: 'X2 built-in: filter status',
    requests: ({ customFields }) =>
      (customFields?.selectOptions ?? []).map((option) => ({
        path: filterPath([{ field: customFields!.selectKey, value: option }]),
        shape: {
          equals: [{ column: customFields!.selectKey, value: option }],
          sort: LIST_SORT,
          perPage: PAGE,
        },
      })),
  },
  {
    name: 'X2 built-in: sort -created_at',
    targetP95: 50,
    requests: () => [
      {
        path: '/api/r/clients?sort=-created_at',
        shape: { sort: [{ column: 'created_at', direction: 'desc' }], perPage: PAGE },
      },
    ],
  },
  {
    name: 'X2 custom: sort -date',
    targetP95: 100,
    builtIn: 'X2 built-in: sort -created_at',
    requests: ({ customFields }) =>
      customFields
        ? [
            {
              path: `/api/r/clients?sort=-${customFields.dateKey}`,
              shape: { sort: [{ column: customFields.dateKey, direction: 'desc' }], perPage: PAGE },
            },
          ]
        : [],
  },
]
