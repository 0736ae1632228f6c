import type { Role } from '#models/user'

/**
 * Demo credentials, also printed by the seeder and listed in README.md.
 * Only ever created on an empty database.
 */
export const DEMO_USERS: Array<{
  fullName: string
  email: string
  password: string
  role: Role
  locale: 'es' | 'en'
}> = [
  {
    fullName: 'Ana Administradora',
    email: 'admin@tablero.test',
    password: 'Admin123!',
    role: 'admin',
    locale: 'es',
  },
  {
    fullName: 'Sergio Supervisor',
    email: 'supervisor@tablero.test',
    password: 'Supervisor123!',
    role: 'supervisor',
    locale: 'es',
  },
  {
    fullName: 'Andrea Agente',
    email: 'agent1@tablero.test',
    password: 'Agent123!',
    role: 'agent',
    locale: 'es',
  },
  {
    fullName: 'Alberto Agente',
    email: 'agent2@tablero.test',
    password: 'Agent123!',
    role: 'agent',
    locale: 'es',
  },
]
