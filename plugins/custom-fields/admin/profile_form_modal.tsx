import { RecordForm, useResourceDescription } from '@tablero/admin'
import { Modal } from 'antd'
import type { Profile } from './definitions'
import { useMessages } from './use_messages'

interface ProfileFormModalProps {
  /** The profile to edit; none to create one. */
  profile: Profile | null
  onClose: () => void
  onSaved: () => void
}

/** What the modal edits of a profile; status and dates have their own actions. */
const PROFILE_FIELDS = ['name', 'description', 'campaigns']

/**
 * Name, description and campaigns of a profile (P1) in the generated form of the `cf_profiles`
 * resource: the campaigns are its relations field (a multi-select of campaigns), and the
 * engine's refusals land under their inputs.
 */
export function ProfileFormModal({ profile, onClose, onSaved }: ProfileFormModalProps) {
  const t = useMessages()
  const resource = useResourceDescription('cf_profiles')
  return (
    <Modal
      open
      title={profile ? t('profile.editTitle', { name: profile.name }) : t('profile.createTitle')}
      footer={null}
      onCancel={onClose}
      destroyOnHidden
    >
      {/* Only managers open it, and they are given the resource. */}
      {resource && (
        <RecordForm
          resource={resource}
          action={profile ? 'edit' : 'create'}
          id={profile?.id}
          fields={PROFILE_FIELDS}
          onSaved={onSaved}
          onCancel={onClose}
        />
      )}
    </Modal>
  )
}
