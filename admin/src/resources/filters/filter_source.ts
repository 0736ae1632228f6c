/**
 * What a `<resource>.filters.sources` component receives (`clients.filters.sources`, beside the
 * filter builder of the clients list and of Asignaciones): a plugin that keeps filters of its own
 * (collections-alerts' segments) hands one over with `apply(tree)`, a JSON filter tree as
 * `GET /api/r/<resource>?filter=` takes it, and the screen opens it in its filter builder, where
 * it runs through the engine like any other filter.
 */
export interface FilterSourceProps {
  resource: string
  apply: (tree: unknown) => void
}
