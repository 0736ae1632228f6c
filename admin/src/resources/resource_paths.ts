/** Where the generic screens of a resource live below `/admin`. */
export function resourcePaths(resource: string) {
  const base = `/r/${encodeURIComponent(resource)}`
  const record = (id: string | number) => `${base}/${encodeURIComponent(String(id))}`
  return {
    list: base,
    create: `${base}/create`,
    show: record,
    edit: (id: string | number) => `${record(id)}/edit`,
  }
}
