import { WeightedTable } from './prng.ts'

/**
 * Given names and surnames common in Latin America and Spain, most common
 * first. Drawn with Zipf-like weights, so a prefix search for "mar" or
 * "gonz" returns the large counts a real base gives, and "xim" a few.
 */
// prettier-ignore
const FEMALE = [
  'María', 'Ana', 'Luisa', 'Carmen', 'Sofía', 'Valentina', 'Camila', 'Isabella', 'Daniela',
  'Gabriela', 'Paula', 'Andrea', 'Laura', 'Mariana', 'Natalia', 'Alejandra', 'Carolina', 'Diana',
  'Patricia', 'Claudia', 'Sandra', 'Lucía', 'Fernanda', 'Juliana', 'Verónica', 'Adriana',
  'Mónica', 'Gloria', 'Rosa', 'Martha', 'Liliana', 'Paola', 'Catalina', 'Marcela', 'Angélica',
  'Lorena', 'Beatriz', 'Elena', 'Teresa', 'Silvia', 'Yolanda', 'Esperanza', 'Ximena', 'Jimena',
  'Valeria', 'Renata', 'Antonella', 'Florencia', 'Agustina', 'Milagros', 'Rocío', 'Pilar',
  'Inés', 'Nayeli', 'Guadalupe', 'Itzel', 'Yesenia', 'Johana', 'Karen', 'Leidy', 'Dayana',
  'Tatiana', 'Susana', 'Consuelo', 'Fabiola', 'Noelia', 'Abril', 'Emilia', 'Salomé',
] as const

// prettier-ignore
const MALE = [
  'José', 'Juan', 'Luis', 'Carlos', 'Jorge', 'Miguel', 'Andrés', 'Javier', 'Alejandro',
  'Santiago', 'Sebastián', 'Mateo', 'Diego', 'Daniel', 'David', 'Fernando', 'Ricardo', 'Eduardo',
  'Manuel', 'Francisco', 'Pedro', 'Antonio', 'Jesús', 'Alberto', 'Roberto', 'Mario', 'Óscar',
  'Héctor', 'Raúl', 'Sergio', 'Gustavo', 'Hernán', 'Julián', 'Felipe', 'Camilo', 'Nicolás',
  'Martín', 'Rodrigo', 'Gabriel', 'Emilio', 'Esteban', 'Cristian', 'Jhon', 'Wilson', 'Fabián',
  'Iván', 'Rubén', 'Arturo', 'Enrique', 'Víctor', 'Hugo', 'Pablo', 'Tomás', 'Joaquín', 'Matías',
  'Benjamín', 'Agustín', 'Lautaro', 'Facundo', 'Emiliano', 'Leonardo', 'Marco', 'Ramiro',
  'Guillermo', 'Alfonso', 'Ignacio', 'Álvaro', 'Germán', 'Wilmer', 'Yeison', 'Brayan',
] as const

/** Second given names joined to a first one ("María José", "Juan Carlos"). */
const FEMALE_SECOND = ['José', 'Fernanda', 'Alejandra', 'Isabel', 'Paula', 'del Carmen', 'Camila']
const MALE_SECOND = ['Carlos', 'Pablo', 'David', 'Manuel', 'Andrés', 'Sebastián', 'Felipe']

// prettier-ignore
const SURNAMES = [
  'García', 'Rodríguez', 'González', 'Hernández', 'López', 'Martínez', 'Pérez', 'Sánchez',
  'Ramírez', 'Torres', 'Gómez', 'Díaz', 'Flores', 'Rivera', 'Vargas', 'Castro', 'Rojas',
  'Morales', 'Ortiz', 'Gutiérrez', 'Chávez', 'Ramos', 'Ruiz', 'Mendoza', 'Álvarez', 'Romero',
  'Herrera', 'Medina', 'Aguilar', 'Jiménez', 'Moreno', 'Muñoz', 'Silva', 'Castillo', 'Vásquez',
  'Reyes', 'Cruz', 'Guerrero', 'Salazar', 'Cárdenas', 'Ríos', 'Peña', 'Navarro', 'Cortés',
  'Suárez', 'Molina', 'Delgado', 'Contreras', 'Espinoza', 'Valencia', 'Sandoval', 'Fuentes',
  'Campos', 'Vega', 'Cabrera', 'Acosta', 'Mejía', 'Quintero', 'Ospina', 'Restrepo', 'Londoño',
  'Zapata', 'Osorio', 'Patiño', 'Arango', 'Giraldo', 'Cardona', 'Duque', 'Benítez', 'Sosa',
  'Figueroa', 'Núñez', 'Soto', 'Araya', 'Bravo', 'Tapia', 'Quispe', 'Mamani', 'Huamán',
  'Paredes', 'Villanueva', 'Fernández', 'Domínguez', 'Iglesias', 'Calvo', 'Blanco', 'Lozano',
  'Ibáñez', 'Montoya', 'Valdés', 'Pacheco', 'Cisneros', 'Lara', 'Escobar', 'Arias', 'Cano',
  'Palacios', 'Bermúdez', 'Carrillo', 'Zúñiga', 'Maldonado', 'Velásquez', 'Orozco', 'Beltrán',
] as const

export type Gender = 'female' | 'male'

const femaleNames = WeightedTable.zipf(FEMALE)
const maleNames = WeightedTable.zipf(MALE)
const surnames = WeightedTable.zipf(SURNAMES, 0.6)

export interface DrawnName {
  firstName: string
  lastName: string
  gender: Gender
}

/**
 * A full name: one or two given names, and (as usual in the region) two
 * surnames most of the time.
 */
export function drawName(random: () => number): DrawnName {
  const gender: Gender = random() < 0.52 ? 'female' : 'male'
  let firstName: string = (gender === 'female' ? femaleNames : maleNames).pick(random())
  if (random() < 0.18) {
    const seconds = gender === 'female' ? FEMALE_SECOND : MALE_SECOND
    const second = seconds[Math.floor(random() * seconds.length)]
    if (second !== firstName) firstName = `${firstName} ${second}`
  }
  let lastName: string = surnames.pick(random())
  if (random() < 0.8) lastName = `${lastName} ${surnames.pick(random())}`
  return { firstName, lastName, gender }
}

/** Given names and surnames for staff (agents), drawn uniformly. */
export const STAFF_NAMES = { female: FEMALE, male: MALE, surnames: SURNAMES }
