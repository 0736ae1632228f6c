import { definePluginAdmin } from '@tablero/admin'
import { lazy } from 'react'

/*
 * The module itself stays tiny: the shell downloads it for every signed-in user while the plugin
 * is enabled, agents included, and only supervisors open these screens. The pages are fetched
 * when first visited (the shell's router already waits on a Suspense boundary).
 */
const ProfilesPage = lazy(() => import('./profiles_page'))
const ProfileFieldsPage = lazy(() => import('./profile_fields_page'))

/** Admin half of custom-fields: the supervisor's profiles and fields screens (P1–P5). */
export default definePluginAdmin({
  routes: [
    { path: '/custom-fields', element: ProfilesPage },
    { path: '/custom-fields/:profileId', element: ProfileFieldsPage },
  ],
})
