import type {
  EventClickArg,
  EventContentArg,
  EventDropArg,
  EventInput,
  EventSourceFuncArg,
} from '@fullcalendar/core'
import esLocale from '@fullcalendar/core/locales/es'
import dayGridPlugin from '@fullcalendar/daygrid'
import interactionPlugin from '@fullcalendar/interaction'
import luxonPlugin, { toLuxonDateTime } from '@fullcalendar/luxon3'
import FullCalendar from '@fullcalendar/react'
import timeGridPlugin from '@fullcalendar/timegrid'
import { useSubscription } from '@refinedev/core'
import { ClientBadges, useActionFeedback, useResourceList, useSessionUser } from '@tablero/admin'
import { Button, Card, Col, Row, Select, Space, Typography } from 'antd'
import { useEffect, useReducer, useRef, useState } from 'react'
import { useNavigate } from 'react-router'
import { agendaApi, agendaChannel, type AgendaEvent, type AgendaTask } from './agenda_api'
import { AgendaEventModal } from './agenda_event_modal'
import { useAgendaMessages } from './agenda_messages'
import { AgendaNewEventModal } from './agenda_new_event_modal'
import { agendaErrorText } from './agenda_save'
import { useShellLanguage } from './file_transfer'
import { SharedQueue } from './shared_queue'
import { useCampaigns } from './use_campaigns'
import { useMessages } from './use_messages'
import { useUserTime } from './user_time'

const AGENTS_PAGE = 100

const TASK_COLOR = '#52c41a'

function asCalendarTask(task: AgendaTask): EventInput {
  return {
    id: `task-${task.id}`,
    title: `${task.title} · ${task.clientName}`,
    start: task.dueAt,
    editable: false,
    color: TASK_COLOR,
    extendedProps: { task },
  }
}

function asCalendarEvent(event: AgendaEvent, supervisor: boolean): EventInput {
  const who = supervisor ? ` · ${event.userName ?? '—'}` : ''
  return {
    id: String(event.id),
    title: `${event.clientName}${who}`,
    start: event.dueAt,
    extendedProps: { event },
    color: event.userId === null ? '#fa8c16' : undefined,
  }
}

/**
 * An event as the calendar draws it (its time and title), with what plugins show beside the
 * client's name (alerts) after the title.
 */
function eventContent(content: EventContentArg) {
  const { event, task } = content.event.extendedProps as { event?: AgendaEvent; task?: AgendaTask }
  const clientId = event?.clientId ?? task?.clientId
  return (
    <div className="fc-event-main-frame" style={{ overflow: 'hidden', flexWrap: 'wrap' }}>
      {content.timeText && <div className="fc-event-time">{content.timeText}</div>}
      <div className="fc-event-title-container">
        <div className="fc-event-title">{content.event.title}</div>
      </div>
      {clientId !== undefined && <ClientBadges clientId={clientId} />}
    </div>
  )
}

/**
 * The Agenda (D5, seed 001): a month, week and day calendar of pending callbacks. An agent sees
 * and manages its own (and takes callbacks from its campaigns' shared queue); a supervisor sees
 * every agent's, filters by agent and campaign, and drags an event to a new time or opens it to
 * give it to another agent. The user's own client tasks with a due date show too (green; they
 * open the client's Tareas tab). Every change is the server's (through the engine), re-read after.
 */
export default function AgendaPage() {
  const t = useAgendaMessages()
  const tip = useMessages()
  const user = useSessionUser()
  const language = useShellLanguage()
  const supervisor = user?.role !== 'agent'
  const navigate = useNavigate()
  const runAction = useActionFeedback((error) => agendaErrorText(t, error))
  const campaigns = useCampaigns(tip)
  const { records: agents } = useResourceList<{ id: number; full_name: string }>('users', {
    pagination: { currentPage: 1, pageSize: AGENTS_PAGE },
    filters: [{ field: 'role', operator: 'eq', value: 'agent' }],
    sorters: [{ field: 'full_name', order: 'asc' }],
    enabled: supervisor,
  })
  const [userId, setUserId] = useState<number | undefined>()
  const [campaignId, setCampaignId] = useState<number | undefined>()
  const [selected, setSelected] = useState<AgendaEvent | null>(null)
  const [creating, setCreating] = useState(false)
  const [version, reread] = useReducer((value: number) => value + 1, 0)
  const calendar = useRef<FullCalendar>(null)
  const { zone } = useUserTime()
  /**
   * The instant a calendar date stands for, ISO UTC. The calendar lays out days and hours in the
   * user's profile zone (a named zone, through the Luxon plugin), and then hands out Dates that
   * carry that zone's wall clock as if it were UTC: Luxon turns them back into real instants.
   */
  const instant = (date: Date) => {
    const api = calendar.current?.getApi()
    return zone && api ? toLuxonDateTime(date, api).toUTC().toISO()! : date.toISOString()
  }

  useEffect(() => {
    calendar.current?.getApi().refetchEvents()
  }, [version, userId, campaignId])

  useSubscription({
    channel: agendaChannel(user?.id ?? 0),
    types: ['agenda.changed'],
    enabled: Boolean(user) && !supervisor,
    onLiveEvent: () => reread(),
  })

  const load = async (info: EventSourceFuncArg) => {
    const window = { from: instant(info.start), to: instant(info.end) }
    const [events, tasks] = await Promise.all([
      agendaApi.events({ ...window, userId: supervisor ? userId : undefined, campaignId }),
      agendaApi.tasks(window),
    ])
    return [
      ...events.data.map((event) => asCalendarEvent(event, supervisor)),
      ...tasks.data.map(asCalendarTask),
    ]
  }

  const select = (click: EventClickArg) => {
    const task = click.event.extendedProps.task as AgendaTask | undefined
    if (task) navigate(`/r/clients/${task.clientId}?tab=tasks`)
    else setSelected(click.event.extendedProps.event as AgendaEvent)
  }

  const moved = async (drop: EventDropArg) => {
    const event = drop.event.extendedProps.event as AgendaEvent
    const start = drop.event.start
    const done =
      start !== null &&
      (await runAction(
        () => agendaApi.change(event.id, { dueAt: instant(start) }),
        t('agenda.moved')
      ))
    if (!done) drop.revert()
    reread()
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="agenda-page">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('agenda.title')}
        </Typography.Title>
        <Space wrap>
          {supervisor && (
            <Select
              allowClear
              style={{ minWidth: 200 }}
              placeholder={t('agenda.allAgents')}
              value={userId}
              onChange={setUserId}
              data-testid="agenda-filter-agent"
              options={agents.map((agent) => ({ value: agent.id, label: agent.full_name }))}
            />
          )}
          <Select
            allowClear
            style={{ minWidth: 220 }}
            placeholder={t('agenda.allCampaigns')}
            value={campaignId}
            onChange={setCampaignId}
            data-testid="agenda-filter-campaign"
            options={campaigns.options}
          />
          <Button type="primary" onClick={() => setCreating(true)} data-testid="agenda-new">
            {t('agenda.new')}
          </Button>
        </Space>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={supervisor ? 24 : 17}>
          <Card size="small">
            <FullCalendar
              ref={calendar}
              plugins={[dayGridPlugin, timeGridPlugin, interactionPlugin, luxonPlugin]}
              timeZone={zone ?? 'local'}
              initialView="timeGridWeek"
              headerToolbar={{
                left: 'prev,next today',
                center: 'title',
                right: 'dayGridMonth,timeGridWeek,timeGridDay',
              }}
              locales={[esLocale]}
              locale={language === 'es' ? 'es' : 'en'}
              height="auto"
              nowIndicator
              editable
              eventDurationEditable={false}
              events={load}
              eventContent={eventContent}
              eventClick={select}
              eventDrop={moved}
              eventDidMount={(info) =>
                info.el.setAttribute('data-testid', `agenda-event-${info.event.id}`)
              }
            />
          </Card>
        </Col>
        {!supervisor && (
          <Col xs={24} xl={7}>
            <SharedQueue version={version} onTaken={reread} />
          </Col>
        )}
      </Row>
      {selected && (
        <AgendaEventModal
          key={selected.id}
          event={selected}
          onClose={() => setSelected(null)}
          onChanged={reread}
        />
      )}
      <AgendaNewEventModal open={creating} onClose={() => setCreating(false)} onCreated={reread} />
    </Space>
  )
}
