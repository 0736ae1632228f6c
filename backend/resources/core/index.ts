import type { ResourceDefinition } from '../types.ts'

/**
 * Resources of the core. Clients, campaigns and their satellites join
 * here as they are built.
 */
export const coreResources: ResourceDefinition[] = []
