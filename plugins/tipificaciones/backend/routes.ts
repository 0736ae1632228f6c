import type { PluginRoutes } from '#sdk'

const ResultsController = () => import('./results_controller.ts')
const ResultsImportController = () => import('./results_import.ts')
const GestionesController = () => import('./gestiones_controller.ts')
const StatsController = () => import('./stats_controller.ts')
const AgendaController = () => import('./agenda_controller.ts')

/**
 * Mounted under /api/p/tipificaciones (signed in, plugin enabled). Results
 * are changed and deleted, and gestiones (a client's history too) and
 * callbacks listed, through the generic REST (/api/r/tip_results,
 * tip_gestiones, tip_callbacks). What is here writes through the engine
 * as well, by the plugin's permissions.
 */
const routes: PluginRoutes = (router) => {
  router.get('results', [ResultsController, 'index'])
  router.post('results', [ResultsController, 'store'])
  router.get('results/template.csv', [ResultsImportController, 'template'])
  router.post('results/import', [ResultsImportController, 'store'])
  router.post('gestiones', [GestionesController, 'store'])
  router.get('campaigns/mine', [GestionesController, 'myCampaigns'])
  router.get('callbacks/mine', [GestionesController, 'myCallbacks'])
  router.post('callbacks/:id/remove', [GestionesController, 'removeCallback'])
  router.post('callbacks/:id/claim', [AgendaController, 'claim'])
  router.get('agenda/events', [AgendaController, 'events'])
  router.post('agenda/events', [AgendaController, 'store'])
  router.patch('agenda/events/:id', [AgendaController, 'update'])
  router.get('agenda/tasks', [AgendaController, 'tasks'])
  router.get('agenda/queue', [AgendaController, 'queue'])
  router.get('agenda/due', [AgendaController, 'due'])
  router.get('stats', [StatsController, 'show'])
  router.get('report.csv', [StatsController, 'report'])
}

export default routes
