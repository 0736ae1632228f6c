import { DownloadOutlined } from '@ant-design/icons'
import type { CrudFilter, CrudSort } from '@refinedev/core'
import { Button } from 'antd'
import { useTranslation } from 'react-i18next'
import { buildUrl } from '../../api/http_client'
import { currentLocale } from '../../i18n/i18n'
import { toFilterTree, toSearchTerm, toSortParam } from '../../providers/filter_tree'

interface ExportCsvButtonProps {
  resource: string
  filters: CrudFilter[]
  sorters: CrudSort[]
}

/**
 * A plain download link: the server streams the CSV with the list's filter, search and sort,
 * authenticated by the session cookie, so a big export never passes through the page's memory.
 */
export function ExportCsvButton({ resource, filters, sorters }: ExportCsvButtonProps) {
  const { t } = useTranslation()
  const tree = toFilterTree(filters)
  const href = buildUrl(`/api/r/${encodeURIComponent(resource)}/export.csv`, {
    filter: tree ? JSON.stringify(tree) : undefined,
    sort: toSortParam(sorters),
    q: toSearchTerm(filters),
    // A link sends the browser's language, not the screen's: headers and labels in the user's.
    lang: currentLocale(),
  })
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid="export-csv">
      {t('resources.list.exportCsv')}
    </Button>
  )
}
