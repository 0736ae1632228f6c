import { Col } from 'antd'
import type { SessionUser } from '../../meta/admin_meta'
import { PluginErrorBoundary } from '../../plugins/plugin_error_boundary'
import { useSlotComponents } from '../../plugins/slot'
import type { SlotName } from '../../sdk'

/** What a home widget receives: whose home it is drawn on. */
export interface HomeWidgetProps {
  user: SessionUser
}

/**
 * The cards enabled plugins put on a home page (`home.agent`, `home.supervisor`…), each in its
 * own column so one plugin's crash or slowness leaves the others standing. A widget that sets
 * `homeWidth = 'full'` takes the whole row.
 */
export function HomeWidgets({ slot, user }: { slot: SlotName; user: SessionUser }) {
  const widgets = useSlotComponents(slot)
  return (
    <>
      {widgets.map(({ plugin, Component }, index) => {
        const full = (Component as { homeWidth?: string }).homeWidth === 'full'
        return (
          <Col key={`${plugin}:${index}`} xs={24} xl={full ? 24 : 12}>
            <PluginErrorBoundary plugin={plugin}>
              <Component user={user} />
            </PluginErrorBoundary>
          </Col>
        )
      })}
    </>
  )
}
