import { UserDeleteOutlined } from '@ant-design/icons'
import type { CrudFilter } from '@refinedev/core'
import { Card, Statistic, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useResourceList } from '../../data/resource_hooks'
import { ApiErrorResult } from '../errors/api_error_result'
import { resourcePaths } from '../../resources/resource_paths'
import { useUserLocale } from '../../resources/fields/use_user_locale'

const UNASSIGNED: CrudFilter[] = [{ field: 'assigned_user_id', operator: 'null', value: true }]

/** How many clients no agent works: what Asignaciones is for (seed 001). */
export function UnassignedClientsCard() {
  const { t } = useTranslation()
  const { locale } = useUserLocale()
  const { total, query, reload } = useResourceList('clients', {
    filters: UNASSIGNED,
    pagination: { currentPage: 1, pageSize: 1 },
  })
  return (
    <Card
      title={
        <span>
          <UserDeleteOutlined /> {t('home.unassigned.title')}
        </span>
      }
      data-testid="home-unassigned-clients"
    >
      {query.isError ? (
        <ApiErrorResult error={query.error} onRetry={() => void reload()} />
      ) : (
        <>
          <Statistic
            loading={query.isLoading}
            value={total}
            formatter={(value) => new Intl.NumberFormat(locale).format(Number(value))}
            valueRender={(node) => <span data-testid="home-unassigned-count">{node}</span>}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('home.unassigned.help')}{' '}
            <Link to={resourcePaths('clients').list}>{t('home.unassigned.open')}</Link>
          </Typography.Paragraph>
        </>
      )}
    </Card>
  )
}
