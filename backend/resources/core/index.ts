import type { ResourceDefinition } from '../types.ts'
import { bases } from './bases.ts'
import { campaigns } from './campaigns.ts'
import { clients } from './clients.ts'
import { clientAddresses, clientEmails, clientPhones } from './client_contacts.ts'
import { clientNotes, clientRelations, clientTasks } from './client_activity.ts'
import { users } from './users.ts'

/**
 * Resources of the core, in the order the menu shows them.
 */
export const coreResources: ResourceDefinition[] = [
  clients,
  campaigns,
  bases,
  clientPhones,
  clientEmails,
  clientAddresses,
  clientNotes,
  clientTasks,
  clientRelations,
  users,
]
