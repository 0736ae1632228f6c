import type { AuthProvider } from '@refinedev/core'
import { isApiError } from '../api/api_error'
import { api } from '../api/http_client'
import { adoptProfileLocale, i18n } from '../i18n/i18n'
import type { SessionUser } from '../meta/admin_meta'
import { metaStore } from '../meta/meta_store'
import { closeLiveConnection } from './live_provider'

interface UserBody {
  data: { user: SessionUser }
}

export interface LoginCredentials {
  email: string
  password: string
}

/** The backend's message when it gave one, a translated fallback when the server was unreachable. */
function describeFailure(error: unknown) {
  if (isApiError(error) && error.statusCode > 0) return error.message
  return i18n.t('errors.network')
}

/**
 * Cookie-session authentication against Adonis. Every sign-in and sign-out forgets the cached
 * metadata and ends the tab's live connection, so the next screen is built, and the next live
 * event heard, for whoever is signed in now.
 */
export const authProvider: AuthProvider = {
  async login({ email, password }: LoginCredentials) {
    try {
      const { data } = await api.post<UserBody>('/api/auth/login', { email, password })
      metaStore.clear()
      closeLiveConnection()
      await adoptProfileLocale(data.user.locale)
      return { success: true, redirectTo: '/' }
    } catch (error) {
      return {
        success: false,
        error: { name: i18n.t('login.failed'), message: describeFailure(error) },
      }
    }
  },

  async logout() {
    closeLiveConnection()
    try {
      await api.post('/api/auth/logout')
    } catch {
      // An expired session is already logged out; leaving the screen is all that is left to do.
    }
    metaStore.clear()
    return { success: true, redirectTo: '/login' }
  },

  async check() {
    try {
      await api.get<UserBody>('/api/auth/me')
      return { authenticated: true }
    } catch (error) {
      metaStore.clear()
      closeLiveConnection()
      return { authenticated: false, redirectTo: '/login', error: error as Error }
    }
  },

  /**
   * A 401 on any call is already turned into a fresh `check()` by the shell (see
   * SessionExpiryWatcher), which then sends the user to the login page keeping the current URL.
   * A 403 must not log anybody out: the screen shows its no-permission page instead.
   */
  async onError() {
    return {}
  },

  async getIdentity() {
    const { user } = await metaStore.load()
    return { ...user, name: user.fullName }
  },

  async getPermissions() {
    const { permissions } = await metaStore.load()
    return permissions
  },
}
