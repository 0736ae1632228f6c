/**
 * The demo's other agents (besides agent1 and agent2 of DEMO_USERS), and
 * which campaigns each agent works. Created only in an empty database;
 * every agent signs in with the password below.
 */
export const DEMO_AGENT_PASSWORD = 'Agent123!'

export const DEMO_AGENTS = [
  { fullName: 'Camila Restrepo', email: 'camila.restrepo@tablero.test' },
  { fullName: 'Juan Pablo Ospina', email: 'juanpablo.ospina@tablero.test' },
  { fullName: 'Valentina Quispe', email: 'valentina.quispe@tablero.test' },
  { fullName: 'Diego Hernández', email: 'diego.hernandez@tablero.test' },
  { fullName: 'Mariana Gutiérrez', email: 'mariana.gutierrez@tablero.test' },
  { fullName: 'Matías Fernández', email: 'matias.fernandez@tablero.test' },
  { fullName: 'Lucía Araya', email: 'lucia.araya@tablero.test' },
  { fullName: 'José Luis Mendoza', email: 'joseluis.mendoza@tablero.test' },
]

/** Campaign name → e-mails of the agents who work it. */
export const DEMO_TEAMS: Record<string, string[]> = {
  'Cobranzas Temprana': [
    'agent1@tablero.test',
    'camila.restrepo@tablero.test',
    'juanpablo.ospina@tablero.test',
  ],
  'Servicio al Cliente': [
    'agent2@tablero.test',
    'valentina.quispe@tablero.test',
    'diego.hernandez@tablero.test',
  ],
  'Retención Hogar': ['agent1@tablero.test', 'mariana.gutierrez@tablero.test'],
  'Ventas Portabilidad': ['matias.fernandez@tablero.test', 'lucia.araya@tablero.test'],
  'Cobranzas Tardía': ['joseluis.mendoza@tablero.test', 'camila.restrepo@tablero.test'],
  'Soporte Técnico': ['agent2@tablero.test', 'diego.hernandez@tablero.test'],
}
