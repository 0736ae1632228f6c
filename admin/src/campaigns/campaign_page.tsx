import { useTranslation } from 'react-i18next'
import type { ResourceScreenProps } from '../resources/custom_screens'
import ResourceShow from '../resources/show/resource_show'
import { CampaignTeam } from './campaign_team'

/** A campaign's page: the generated one, plus its team (C16). */
export default function CampaignPage({ resource, id }: ResourceScreenProps) {
  const { t } = useTranslation()
  return (
    <ResourceShow
      resource={resource}
      id={id!}
      extraTabs={[
        {
          key: 'team',
          label: <span data-testid="team-tab">{t('teams.tab')}</span>,
          children: <CampaignTeam campaignId={id!} canEdit={Boolean(resource.actions.update)} />,
        },
      ]}
    />
  )
}
