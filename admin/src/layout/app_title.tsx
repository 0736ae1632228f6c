import { ThemedTitle } from '@refinedev/antd'
import type { TitleProps } from '@refinedev/core'
import { TableOutlined } from '@ant-design/icons'
import { useTranslation } from 'react-i18next'

export function AppTitle({ collapsed }: TitleProps) {
  const { t } = useTranslation()
  return <ThemedTitle collapsed={collapsed} text={t('app.name')} icon={<TableOutlined />} />
}
