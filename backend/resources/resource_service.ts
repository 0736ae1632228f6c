import { ResourceQueries } from './resource_queries.ts'
import { ResourceCommands } from './resource_commands.ts'
import type { WriteOptions } from './types.ts'

/**
 * The one entry every generic read and write goes through, for a request's
 * user: reads are the query side (ResourceQueries, which it is), writes
 * the command pipeline (ResourceCommands: validate → authorize → hooks →
 * write → audit → events), made only when the request writes, so a list
 * or a show costs no more than before.
 */
export class ResourceService extends ResourceQueries {
  #commandSide: ResourceCommands | null = null

  get commands() {
    return (this.#commandSide ??= new ResourceCommands(this))
  }

  create(name: string, body: unknown, options?: WriteOptions) {
    return this.commands.create(name, body, options)
  }

  createMany(name: string, bodies: unknown[], options?: WriteOptions) {
    return this.commands.createMany(name, bodies, options)
  }

  update(name: string, rawId: unknown, body: unknown, options?: WriteOptions) {
    return this.commands.update(name, rawId, body, options)
  }

  destroy(name: string, rawId: unknown, options?: WriteOptions) {
    return this.commands.destroy(name, rawId, options)
  }

  setArchived(name: string, rawId: unknown, archived: boolean, options?: WriteOptions) {
    return this.commands.setArchived(name, rawId, archived, options)
  }

  bulkUpdate(name: string, body: unknown, options?: WriteOptions) {
    return this.commands.bulkUpdate(name, body, options)
  }

  bulkDelete(name: string, body: unknown, options?: WriteOptions) {
    return this.commands.bulkDelete(name, body, options)
  }

  importable(name: string) {
    return this.commands.importable(name)
  }

  importer(name: string, options?: WriteOptions, mode?: 'create' | 'update') {
    return this.commands.importer(name, options, mode)
  }
}
