/**
 * The resource engine's public surface for the core and plugins.
 */
export { defineResource, field } from './define_resource.ts'
export type {
  FieldDefinition,
  FieldFilterLeaf,
  FieldProvider,
  FilteredTable,
  FieldType,
  RelationDefinition,
  ResourceAction,
  ResourceDefinition,
  ResourceMenu,
  RowScope,
  SelectOption,
} from './types.ts'
