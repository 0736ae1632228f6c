import { PhoneOutlined } from '@ant-design/icons'
import { App, Input, List, Modal, Space } from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { api } from '../api/http_client'
import { resourcePaths } from '../resources/resource_paths'
import { clientName, type ClientRecord } from './client_record'
import { errorMessage } from '../feedback/error_message'
import { ClientBadges } from '../plugins/client_badges'

interface LookupBody {
  data: ClientRecord[]
  meta: { phone: string }
}

/**
 * Screen-pop by caller ID (C14): type or paste the calling number (whole, or its last digits), or
 * open `/admin/r/clients?phone=+573001234567` from the softphone, and the matching client opens.
 * Several matches are listed to pick from, each with what plugins show beside a client's name
 * (`client.header.badges`); an unknown caller opens a new client's form with the
 * number filled in.
 */
export function CallerIdLookup() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const [matches, setMatches] = useState<ClientRecord[] | null>(null)
  const [loading, setLoading] = useState(false)

  const lookup = async (phone: string) => {
    if (!phone.trim()) return
    setLoading(true)
    try {
      const body = await api.get<LookupBody>('/api/clients/lookup', { query: { phone } })
      if (body.data.length === 1) navigate(resourcePaths('clients').show(body.data[0].id))
      else if (body.data.length === 0) {
        // An unknown caller: a new client with the number already typed in.
        message.info(t('clients.lookup.none', { phone: body.meta.phone }))
        const prefill = new URLSearchParams({ primary_phone: body.meta.phone })
        navigate(`${resourcePaths('clients').create}?${prefill}`)
      } else setMatches(body.data)
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setLoading(false)
    }
  }

  const fromUrl = search.get('phone')
  useEffect(() => {
    if (!fromUrl) return
    setSearch({}, { replace: true })
    // A softphone handing over a number is an outside event, like a click: it starts a request
    // (and its spinner) once per number, which is what this effect is for.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void lookup(fromUrl)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fromUrl])

  return (
    <>
      <Input.Search
        allowClear
        prefix={<PhoneOutlined />}
        placeholder={t('clients.lookup.placeholder')}
        loading={loading}
        onSearch={lookup}
        data-testid="caller-id-lookup"
        style={{ width: 260 }}
      />
      <Modal
        open={matches !== null}
        title={t('clients.lookup.several')}
        footer={null}
        onCancel={() => setMatches(null)}
      >
        <List
          dataSource={matches ?? []}
          renderItem={(client) => (
            <List.Item data-testid="caller-id-match">
              <Space size={4} wrap>
                <Link to={resourcePaths('clients').show(client.id)}>
                  {clientName(client)} (#{client.id})
                </Link>
                <ClientBadges clientId={client.id} />
              </Space>
            </List.Item>
          )}
        />
      </Modal>
    </>
  )
}
