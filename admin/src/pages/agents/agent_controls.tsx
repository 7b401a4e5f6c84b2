import { useCan, useCustomMutation, useInvalidate } from '@refinedev/core'
import { Button, Popconfirm, Space } from 'antd'
import { PauseCircleOutlined, PlayCircleOutlined, StopOutlined } from '@ant-design/icons'
import { API_URL } from '../../providers/http'
import { AgentStatus, type AgentRecord } from '../../lib/agents'

type Control = 'pause' | 'resume' | 'kill'

const DONE: Record<Control, string> = {
  pause: 'paused',
  resume: 'resumed',
  kill: 'killed',
}

/**
 * Pause, resume and kill (with confirmation) for one agent; shown only to
 * roles with agents.control. The agent hears it at once on its channel.
 */
export function AgentControls({ agent, size }: { agent: AgentRecord; size?: 'small' | 'middle' }) {
  const { data: access } = useCan({ resource: 'agents', action: 'control' })
  const { mutate, mutation } = useCustomMutation<AgentRecord>()
  const invalidate = useInvalidate()
  if (!access?.can) return null

  const run = (control: Control) =>
    mutate(
      {
        url: `${API_URL}/agents/${agent.id}/${control}`,
        method: 'post',
        values: {},
        successNotification: () => ({
          type: 'success',
          message: `${agent.name} ${DONE[control]}`,
        }),
        errorNotification: (error) => ({
          type: 'error',
          message: `Could not ${control} ${agent.name}`,
          description: error?.message,
        }),
      },
      {
        onSuccess: () =>
          invalidate({ resource: 'agents', invalidates: ['list', 'detail'], id: agent.id }),
      }
    )

  const stopped = agent.status === AgentStatus.Paused || agent.status === AgentStatus.Blocked
  const busy = mutation.isPending

  return (
    <Space size="small" wrap>
      {stopped ? (
        <Button
          size={size}
          icon={<PlayCircleOutlined />}
          loading={busy}
          onClick={() => run('resume')}
        >
          Resume
        </Button>
      ) : (
        <Button
          size={size}
          icon={<PauseCircleOutlined />}
          loading={busy}
          onClick={() => run('pause')}
        >
          Pause
        </Button>
      )}
      {agent.status !== AgentStatus.Blocked && (
        <Popconfirm
          title={`Kill ${agent.name}?`}
          description="It stops at once and stays blocked until an admin resumes it."
          okText="Kill"
          okButtonProps={{ danger: true }}
          onConfirm={() => run('kill')}
        >
          <Button size={size} danger icon={<StopOutlined />} loading={busy}>
            Kill
          </Button>
        </Popconfirm>
      )}
    </Space>
  )
}
