import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { useLocalize } from '../../i18n/localized_text'
import { useAdminMeta } from '../../meta/meta_store'
import { NotFoundPage } from '../errors/not_found_page'

/**
 * Placeholder for `/r/:resource` until the generated ResourceList/Show/Form screens land (K8);
 * it keeps menu entries for metadata resources from leading to a 404 in the meantime.
 */
export default function ResourcePendingPage() {
  const { t } = useTranslation()
  const localize = useLocalize()
  const { resource: name } = useParams()
  const resource = useAdminMeta().meta?.resources.find((candidate) => candidate.name === name)
  if (!resource) return <NotFoundPage />
  return (
    <Result
      status="info"
      title={t('resources.pendingTitle')}
      subTitle={t('resources.pendingText', { label: localize(resource.label) })}
    />
  )
}
