import { Bouncer } from '@adonisjs/bouncer'
import type User from '#models/user'
import { isAdmin } from './roles.ts'

/**
 * Role abilities of the core. Resource-level (role × resource × action)
 * and row-scope checks come with the resource engine.
 */
export const managePlugins = Bouncer.ability((user: User) => isAdmin(user))

export const manageUsers = Bouncer.ability((user: User) => isAdmin(user))
