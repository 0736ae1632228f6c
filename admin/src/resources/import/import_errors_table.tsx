import { DownloadOutlined } from '@ant-design/icons'
import { Button, Flex, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useUserLocale } from '../fields/use_user_locale'
import type { ImportJob, ImportRowError } from './import_job'
import { formatCount } from '../../i18n/wording'

/** Enough to see what is wrong; the whole list is in errors.csv. */
const SHOWN_ERRORS = 50

interface ImportErrorsTableProps {
  job: ImportJob
  errorsUrl: string
}

/**
 * The rows the server refused, by line of the file, with the full report as a CSV download to
 * fix the file against.
 */
export function ImportErrorsTable({ job, errorsUrl }: ImportErrorsTableProps) {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const shown = job.errors.slice(0, SHOWN_ERRORS)
  const hidden = Math.max(job.errorCount, job.errors.length) - shown.length

  return (
    <Flex vertical gap={8} data-testid="import-errors">
      <Table<ImportRowError>
        size="small"
        rowKey={(error) => `${error.line}:${error.field ?? ''}:${error.message}`}
        dataSource={shown}
        pagination={shown.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        columns={[
          {
            key: 'line',
            title: t('resources.import.errors.line'),
            dataIndex: 'line',
            width: 80,
            render: (line: number) => formatCount(line, locale),
          },
          {
            key: 'field',
            title: t('resources.import.errors.field'),
            dataIndex: 'field',
            width: 160,
            render: (field: string | null) => field ?? t('common.none'),
          },
          { key: 'message', title: t('resources.import.errors.message'), dataIndex: 'message' },
        ]}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary" data-testid="import-errors-more">
          {hidden > 0 && t('resources.import.errors.more', { total: formatCount(hidden, locale) })}
        </Typography.Text>
        <Button
          icon={<DownloadOutlined />}
          href={errorsUrl}
          download
          data-testid="import-errors-download"
        >
          {t('resources.import.errors.download')}
        </Button>
      </Flex>
    </Flex>
  )
}
