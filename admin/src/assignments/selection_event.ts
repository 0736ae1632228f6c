import type { AssignmentCounts, AssignmentSelection } from './assignment_api'

/**
 * Asignaciones hands its selection over whenever it changes, for plugins that act on the same
 * clients (the dialer's "Ir a Marcador" builds a list from the filter): as props of the
 * `assignments.actions` slot, and as this DOM event on `window`, so the core never knows who
 * listens.
 */
export const ASSIGNMENT_SELECTION_EVENT = 'tablero:assignments.selection'

export interface AssignmentSelectionDetail {
  /** null until a campaign is chosen */
  selection: AssignmentSelection | null
  /** null while the selection on screen is being counted */
  counts: AssignmentCounts | null
}

export function announceSelection(detail: AssignmentSelectionDetail) {
  window.dispatchEvent(new CustomEvent(ASSIGNMENT_SELECTION_EVENT, { detail }))
}
