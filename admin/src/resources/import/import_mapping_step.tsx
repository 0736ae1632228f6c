import { Alert, Button, Flex, Select, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../feedback/error_message'
import { fieldMessages } from '../../feedback/place_server_errors'
import type { ColumnMapping, ImportPreview } from './import_job'
import type { ImportFlow } from './use_import_job'

/** The value of the "leave this column out" choice (a Select option needs a non-null value). */
const SKIP = ''
/** Sample values shown per column. */
const SAMPLES = 3

interface MappingRow {
  index: number
  header: string
  samples: string[]
}

/**
 * The file's headers differ from the template: each column is given a field (or left out),
 * with the first values of the file beside it and a preview of its first rows. The server
 * proposes this campaign's last mapping, else what each header names; the chosen mapping is
 * remembered for next time once the file is accepted.
 */
export function ImportMappingStep({ flow, preview }: { flow: ImportFlow; preview: ImportPreview }) {
  const { t } = useTranslation()
  const [choice, setChoice] = useState<string[]>(() =>
    preview.mapping.map((column) => column.field ?? SKIP)
  )
  const labels = useMemo(
    () => new Map(preview.fields.map((field) => [field.name, field.label])),
    [preview.fields]
  )
  const rows: MappingRow[] = preview.header.map((header, index) => ({
    index,
    header,
    samples: preview.rows
      .map((row) => row.cells[index] ?? '')
      .filter((cell) => cell.trim() !== '')
      .slice(0, SAMPLES),
  }))
  const chosen = choice.filter((field) => field !== SKIP)
  const repeated = new Set(chosen.filter((field, index) => chosen.indexOf(field) !== index))
  const missing = preview.fields.filter((field) => field.required && !chosen.includes(field.name))
  const mapping: ColumnMapping = Object.fromEntries(
    preview.header.map((header, index) => [header, choice[index] === SKIP ? null : choice[index]])
  )
  const options = [
    { value: SKIP, label: t('importMapping.skip') },
    ...preview.fields.map((field) => ({
      value: field.name,
      label: field.required ? `${field.label} *` : field.label,
    })),
  ]

  return (
    <Flex vertical gap={12} data-testid="import-mapping">
      <Typography.Text>{t('importMapping.intro', { name: preview.filename })}</Typography.Text>
      {preview.remembered && <Alert type="info" showIcon message={t('importMapping.remembered')} />}
      <Table<MappingRow>
        size="small"
        rowKey="index"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            key: 'header',
            title: t('importMapping.column'),
            render: (_, row) => <Typography.Text strong>{row.header}</Typography.Text>,
          },
          {
            key: 'field',
            title: t('importMapping.field'),
            width: 260,
            render: (_, row) => (
              <Select
                style={{ width: '100%' }}
                value={choice[row.index]}
                options={options}
                showSearch
                optionFilterProp="label"
                status={repeated.has(choice[row.index]) ? 'error' : undefined}
                data-testid={`import-mapping-field-${row.index}`}
                aria-label={t('importMapping.fieldFor', { column: row.header })}
                onChange={(value: string) =>
                  setChoice((current) => current.map((old, at) => (at === row.index ? value : old)))
                }
              />
            ),
          },
          {
            key: 'samples',
            title: t('importMapping.samples'),
            render: (_, row) => (
              <Flex gap={4} wrap>
                {row.samples.map((sample, at) => (
                  <Tag key={at}>{sample}</Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
      <Typography.Text type="secondary">
        {t('importMapping.previewTitle', { count: preview.rows.length })}
      </Typography.Text>
      <Table
        size="small"
        rowKey="line"
        pagination={false}
        scroll={{ x: true }}
        data-testid="import-mapping-preview"
        dataSource={preview.rows}
        columns={[
          { key: 'line', title: t('importMapping.line'), dataIndex: 'line', width: 70 },
          ...preview.header.map((header, index) => ({
            key: String(index),
            title:
              choice[index] === SKIP ? (
                <Typography.Text type="secondary" delete>
                  {header}
                </Typography.Text>
              ) : (
                (labels.get(choice[index]) ?? header)
              ),
            render: (_: unknown, row: ImportPreview['rows'][number]) => row.cells[index] ?? '',
          })),
        ]}
      />
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-mapping-missing"
          message={t('importMapping.missing', {
            fields: missing.map((field) => field.label).join(', '),
          })}
        />
      )}
      {repeated.size > 0 && <Alert type="warning" showIcon message={t('importMapping.repeated')} />}
      {Boolean(flow.uploadError) && (
        <Alert
          type="error"
          showIcon
          data-testid="import-mapping-error"
          message={errorMessage(flow.uploadError)}
          description={fieldMessages(flow.uploadError).join(' · ') || undefined}
        />
      )}
      <Flex justify="end" gap={8}>
        <Button onClick={flow.reset} data-testid="import-mapping-again">
          {t('resources.import.chooseAnother')}
        </Button>
        <Button
          type="primary"
          loading={flow.confirming}
          disabled={missing.length > 0 || repeated.size > 0}
          onClick={() => void flow.confirmMapping(mapping)}
          data-testid="import-mapping-confirm"
        >
          {t('importMapping.confirm')}
        </Button>
      </Flex>
    </Flex>
  )
}
