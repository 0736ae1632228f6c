import { Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocalize } from '../../i18n/localized_text'
import { formatNumber } from '../../i18n/wording'
import type { ResourceFieldDescription } from '../../meta/admin_meta'
import { RelationValue } from './relation_value'
import { useUserLocale } from './use_user_locale'
import { formatDate, formatInstant } from './user_time'

interface FieldValueProps {
  field: ResourceFieldDescription
  value: unknown
  /** In table cells long texts are cut to two lines. */
  compact?: boolean
}

function isBlank(value: unknown) {
  return (
    value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)
  )
}

/** One value shown the way its field type reads best, in the user's language and time zone. */
export function FieldValue({ field, value, compact = false }: FieldValueProps) {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { locale, zone } = useUserLocale()

  if (isBlank(value)) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>

  switch (field.type) {
    case 'boolean':
      return value ? (
        <Tag color="green">{t('resources.values.yes')}</Tag>
      ) : (
        <Tag>{t('resources.values.no')}</Tag>
      )
    case 'date':
      return <span>{formatDate(value, locale)}</span>
    case 'datetime':
      return <span title={String(value)}>{formatInstant(value, zone, locale)}</span>
    case 'number':
    case 'decimal':
      return <span>{formatNumber(value, locale)}</span>
    case 'select': {
      const option = field.options?.find((candidate) => String(candidate.value) === String(value))
      return <span>{option ? localize(option.label) : String(value)}</span>
    }
    case 'multiselect': {
      const values = Array.isArray(value) ? value : [value]
      return (
        <>
          {values.map((item) => {
            const option = field.options?.find((o) => String(o.value) === String(item))
            return <Tag key={String(item)}>{option ? localize(option.label) : String(item)}</Tag>
          })}
        </>
      )
    }
    case 'password':
      return <span>••••••••</span>
    case 'relation':
      return field.relation ? <RelationValue relation={field.relation} id={value} /> : <>{value}</>
    case 'relations': {
      const ids = Array.isArray(value) ? value : [value]
      return (
        <Space size={[0, 4]} wrap data-relations={field.name}>
          {ids.map((id) => (
            <Tag key={String(id)}>
              {field.relation ? <RelationValue relation={field.relation} id={id} /> : String(id)}
            </Tag>
          ))}
        </Space>
      )
    }
    case 'email':
      return <a href={`mailto:${String(value)}`}>{String(value)}</a>
    case 'phone':
      return <a href={`tel:${String(value)}`}>{String(value)}</a>
    case 'url':
      return (
        <a href={String(value)} target="_blank" rel="noopener noreferrer">
          {String(value)}
        </a>
      )
    case 'textarea':
      return (
        <Typography.Paragraph
          style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
          ellipsis={compact ? { rows: 2, tooltip: String(value) } : false}
        >
          {String(value)}
        </Typography.Paragraph>
      )
    default:
      return <span>{typeof value === 'object' ? JSON.stringify(value) : String(value)}</span>
  }
}
