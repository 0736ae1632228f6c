import { FilterOutlined, PlusOutlined } from '@ant-design/icons'
import { useTable, type CrudFilter } from '@refinedev/core'
import { Alert, Badge, Button, Flex, Input, Space, Table, type TableColumnType } from 'antd'
import { useEffect, useState, type Key, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isApiError } from '../../api/api_error'
import { useLocalize } from '../../i18n/localized_text'
import { ScreenFrame } from '../../layout/screen_frame'
import type { ResourceDescription } from '../../meta/admin_meta'
import { ApiErrorResult } from '../../pages/errors/api_error_result'
import { SEARCH_FIELD } from '../../providers/filter_tree'
import { useUserLocale } from '../fields/use_user_locale'
import { FilterBuilder } from '../filters/filter_builder'
import {
  countConditions,
  fromFilterTree,
  toCrudFilters,
  type FilterGroup,
} from '../filters/filter_model'
import type { FilterSourceProps } from '../filters/filter_source'
import { Slot } from '../../plugins/slot'
import { resourcePaths } from '../resource_paths'
import { BulkDeleteButton } from './bulk_delete_button'
import { BulkEditButton } from './bulk_edit/bulk_edit_button'
import { ColumnChooser } from './column_chooser'
import { ExportCsvButton } from './export_csv_button'
import { ListBulkActions, useListBulkActions } from './list_bulk_actions'
import { ImportCsvButton } from '../import/import_csv_button'
import { initialSorters } from './initial_sorters'
import { readListState, rememberListState } from './remembered_list_state'
import { formatListTotal } from './list_total'
import { nextSorters } from './table_sorters'
import { buildResourceColumns } from './resource_columns'
import { useSlotColumns } from './slot_columns'
import { useColumnChoice } from './use_column_choice'
import { ArchivedViewSwitch, archivedViewFilters, type ArchivedView } from './archived_view'

type Row = Record<string, unknown>

function listFilters(filter: FilterGroup, search: string, view: CrudFilter[]): CrudFilter[] {
  const term = search.trim()
  const searchFilter: CrudFilter[] = term
    ? [{ field: SEARCH_FIELD, operator: 'eq', value: term }]
    : []
  return [...toCrudFilters(filter), ...searchFilter, ...view]
}

/**
 * The generated list of any resource (K8): chosen columns, multi-column sort, paging, `q` search,
 * AND/OR filter builder, CSV export of what is shown, bulk edit, bulk delete and create where
 * allowed.
 */
export interface ResourceListProps {
  resource: ResourceDescription
  /** Conditions the user cannot remove ("only mine"), added to every request and export. */
  permanentFilters?: CrudFilter[]
  /** Extra controls beside the search box (a custom list screen's caller-ID lookup…). */
  toolbar?: ReactNode
  /** Buttons beside export and import (a custom list screen's "upload a base"). */
  actions?: ReactNode
  /** Columns a custom list screen adds after the chosen ones (counts, row actions). */
  extraColumns?: TableColumnType<Row>[]
  /** The search box takes the focus on arrival (Búsqueda: the user came to type). */
  focusSearch?: boolean
}

/** One shared empty list: Refine memoizes on the permanent filters' identity. */
const NO_FILTERS: CrudFilter[] = []

export default function ResourceList({
  resource,
  permanentFilters = NO_FILTERS,
  toolbar,
  actions,
  extraColumns,
  focusSearch = false,
}: ResourceListProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale } = useUserLocale()
  const { columns, choose } = useColumnChoice(resource)
  const [remembered] = useState(() => readListState(resource.name))
  const [filter, setFilter] = useState<FilterGroup>(remembered.filter)
  const [search, setSearch] = useState(remembered.search)
  // Archivable resources list their active records unless the user asks otherwise.
  const [view, setView] = useState<ArchivedView>('active')
  const [showFilters, setShowFilters] = useState(countConditions(remembered.filter) > 0)
  const [selected, setSelected] = useState<Key[]>([])
  const slotColumns = useSlotColumns(resource.name)
  const bulkActions = useListBulkActions(resource.name)

  const table = useTable<Row>({
    resource: resource.name,
    sorters: { initial: remembered.sorters ?? initialSorters(resource), mode: 'server' },
    filters: {
      initial: listFilters(
        remembered.filter,
        remembered.search,
        archivedViewFilters(resource, 'active')
      ),
      permanent: permanentFilters,
      mode: 'server',
      defaultBehavior: 'replace',
    },
    pagination: { currentPage: remembered.currentPage, pageSize: remembered.pageSize },
    syncWithLocation: false,
    errorNotification: false,
  })
  const { sorters, filters, setFilters, setSorters, tableQuery, result } = table
  const { currentPage, pageSize } = table

  useEffect(() => {
    rememberListState(resource.name, { filter, search, sorters, currentPage, pageSize })
  }, [resource.name, filter, search, sorters, currentPage, pageSize])

  const run = (nextFilter: FilterGroup, nextSearch: string, nextView = view) => {
    setFilter(nextFilter)
    setSearch(nextSearch)
    setView(nextView)
    setSelected([])
    setFilters(
      listFilters(nextFilter, nextSearch, archivedViewFilters(resource, nextView)),
      'replace'
    )
    table.setCurrentPage(1)
  }

  const applySource = (tree: unknown) => run(fromFilterTree(tree), search)

  const error = tableQuery.error
  // A filter the engine refuses is a 422 about that filter: keep the screen and say why.
  if (error && !(isApiError(error) && error.statusCode === 422)) {
    return <ApiErrorResult error={error} onRetry={() => tableQuery.refetch()} />
  }

  const filterCount = countConditions(filter)
  const capped = Boolean(tableQuery.data?.totalCapped)
  const filterableFields = resource.fields.filter((field) => field.filterable)

  return (
    <ScreenFrame
      title={localize(resource.label)}
      extra={
        <Space wrap>
          {resource.actions.export && (
            <ExportCsvButton
              resource={resource.name}
              filters={[...permanentFilters, ...filters]}
              sorters={sorters}
            />
          )}
          <ImportCsvButton resource={resource} />
          {actions}
          {resource.actions.create && (
            <Link to={resourcePaths(resource.name).create}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="create-button">
                {t('buttons.create')}
              </Button>
            </Link>
          )}
        </Space>
      }
    >
      <div data-testid="resource-list" data-resource={resource.name}>
        <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Space wrap>
            {toolbar}
            <ArchivedViewSwitch
              resource={resource}
              value={view}
              onChange={(next) => run(filter, search, next)}
            />
            {resource.searchable && (
              <Input.Search
                allowClear
                autoFocus={focusSearch}
                data-testid="list-search"
                defaultValue={remembered.search}
                placeholder={t('resources.list.searchPlaceholder')}
                onSearch={(value) => run(filter, value)}
                style={{ width: 280 }}
              />
            )}
            {filterableFields.length > 0 && (
              <Badge count={filterCount} size="small">
                <Button
                  icon={<FilterOutlined />}
                  data-testid="filter-toggle"
                  onClick={() => setShowFilters((open) => !open)}
                >
                  {t('resources.filters.title')}
                </Button>
              </Badge>
            )}
          </Space>
          <Space wrap>
            {resource.actions.update && selected.length > 0 && (
              <BulkEditButton
                resource={resource}
                ids={selected}
                onUpdated={() => setSelected([])}
              />
            )}
            {resource.actions.delete && selected.length > 0 && (
              <BulkDeleteButton
                resource={resource}
                ids={selected}
                onDeleted={() => setSelected([])}
              />
            )}
            <ListBulkActions
              components={bulkActions}
              resource={resource.name}
              filters={[...permanentFilters, ...filters]}
              selectedIds={selected}
              done={() => {
                setSelected([])
                void tableQuery.refetch()
              }}
            />
            <ColumnChooser resource={resource} columns={columns} onChange={choose} />
          </Space>
        </Flex>
        {showFilters && (
          <>
            <Slot
              name={`${resource.name}.filters.sources`}
              props={{ resource: resource.name, apply: applySource } satisfies FilterSourceProps}
            />
            <FilterBuilder
              // a source's tree (a saved segment) replaces the draft: a new root, a fresh builder
              key={filter.id}
              fields={filterableFields}
              applied={filter}
              onApply={(next) => run(next, search)}
            />
          </>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="list-error"
            message={error.message}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Row>
          rowKey={resource.primaryKey}
          dataSource={result.data}
          loading={tableQuery.isFetching}
          columns={buildResourceColumns({
            resource,
            columns,
            sorters,
            localize,
            t,
            extraColumns: extraColumns ? [...slotColumns, ...extraColumns] : slotColumns,
          }).map((column) => ({ ...column, onCell: column.onCell ?? wrapAnywhere }))}
          rowSelection={
            resource.actions.delete || resource.actions.update || bulkActions.length > 0
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys) }
              : undefined
          }
          // at least the card's width, wrapping long values before scrolling sideways (a client
          // list fits 1440 px, issue 20); a scrollbar only when even wrapped it cannot fit
          scroll={{ x: 'min-content' }}
          // columns sized by their content (fixed layout, which the sticky actions column
          // would pick, splits every column equally and breaks words)
          tableLayout="auto"
          onChange={(pagination, _filters, sorter, { action }) => {
            if (action === 'sort') setSorters(nextSorters(sorters, sorter))
            if (action === 'paginate') {
              table.setCurrentPage(pagination.current ?? 1)
              table.setPageSize(pagination.pageSize ?? table.pageSize)
            }
          }}
          pagination={{
            current: table.currentPage,
            pageSize: table.pageSize,
            total: result.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [10, 25, 50, 100],
            showTotal: (total) => (
              <span data-testid="list-total">
                {t('resources.list.total', {
                  count: total,
                  total: formatListTotal(total, capped, locale),
                })}
              </span>
            ),
          }}
        />
      </div>
    </ScreenFrame>
  )
}

/**
 * A long unbroken value (a code, a name typed run together) may wrap too, when it must: antd's
 * cells break words only past their width, which still sizes a column to its longest word.
 */
function wrapAnywhere() {
  return { style: { overflowWrap: 'anywhere' as const } }
}
