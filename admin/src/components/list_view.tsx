import {
  Children,
  Fragment,
  isValidElement,
  useEffect,
  useMemo,
  useState,
  type Key,
  type ReactElement,
  type ReactNode,
} from 'react'
import {
  useCreate,
  useGetIdentity,
  useGo,
  useList,
  useParsed,
  useResourceParams,
  useUpdate,
  type HttpError,
} from '@refinedev/core'
import {
  App,
  Button,
  Checkbox,
  Divider,
  Dropdown,
  Flex,
  Form,
  Input,
  Modal,
  Popover,
  Space,
  Switch,
  Table,
  Typography,
  type MenuProps,
  type TableProps,
} from 'antd'
import {
  DownOutlined,
  SaveOutlined,
  StarOutlined,
  TableOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { useNavigate } from 'react-router'
import type { Me } from '../providers/auth'
import {
  VIEW_PARAM,
  differsFrom,
  readHiddenColumns,
  viewFilters,
  viewSorters,
  writeHiddenColumns,
  type ListState,
  type SavedView,
} from '../lib/saved_views'

/*
| A generated list's table, with what people expect around it: the views of
| this list (a closer's own and the team's), "Save view" for the current
| filters, sort, page size and columns, and a column chooser remembered per
| person (and carried by a view). Works for any list: a list page swaps
| antd's <Table> for <ListTable> and keeps its <Table.Column>s as they are.
| A column is known by its React `key`, else its `dataIndex`; the `actions`
| column is always shown.
*/

interface ColumnEntry {
  key: string
  label: string
  element: ReactElement
  fixed: boolean
}

type ColumnProps = { dataIndex?: unknown; title?: unknown }

/** The Table.Column elements among the children (arrays and fragments unfolded), each with its key. */
function columnsOf(children: ReactNode, into: ColumnEntry[] = []): ColumnEntry[] {
  Children.forEach(children, (child) => {
    if (!isValidElement(child)) return
    if (child.type === Fragment) {
      columnsOf((child.props as { children?: ReactNode }).children, into)
      return
    }
    const props = child.props as ColumnProps
    const dataIndex = Array.isArray(props.dataIndex)
      ? props.dataIndex.join('.')
      : typeof props.dataIndex === 'string'
        ? props.dataIndex
        : undefined
    const key = (child.key as Key | null)?.toString().replace(/^\.\$/, '') ?? dataIndex
    if (!key) return
    into.push({
      key,
      label: typeof props.title === 'string' ? props.title : key,
      element: child,
      fixed: key === 'actions',
    })
  })
  return into
}

/** The page's current state as the URL carries it (useTable's syncWithLocation), and the view it came from. */
function useListState(hidden: string[]): { state: ListState; viewId: string | null } {
  const { params } = useParsed()
  return useMemo(() => {
    const raw = params as Record<string, unknown> | undefined
    const viewId = typeof raw?.[VIEW_PARAM] === 'string' ? (raw[VIEW_PARAM] as string) : null
    return {
      viewId,
      state: {
        filters: viewFilters(params?.filters),
        sorters: viewSorters(params?.sorters),
        hidden_columns: hidden,
        page_size: typeof params?.pageSize === 'number' ? params.pageSize : null,
      },
    }
  }, [params, hidden])
}

export function ListTable<T extends object>({
  resource: resourceProp,
  children,
  ...tableProps
}: TableProps<T> & { resource?: string; children: ReactNode }) {
  const { resource: current } = useResourceParams()
  const resource = resourceProp ?? current?.name
  const { data: me } = useGetIdentity<Me>()
  const columns = columnsOf(children)
  const [hidden, setHidden] = useState<string[]>(() => readHiddenColumns(me?.id, resource))

  // the person is known a moment after the first render: their columns then
  useEffect(() => setHidden(readHiddenColumns(me?.id, resource)), [me?.id, resource])

  const changeHidden = (next: string[]) => {
    setHidden(next)
    if (me?.id && resource) writeHiddenColumns(me.id, resource, next)
  }

  const shown = columns.filter((column) => column.fixed || !hidden.includes(column.key))
  return (
    <>
      {resource && (
        <ViewsBar
          resource={resource}
          me={me}
          columns={columns}
          hidden={hidden}
          onHiddenChange={changeHidden}
        />
      )}
      <Table<T> {...tableProps}>{shown.map((column) => column.element)}</Table>
    </>
  )
}

function ViewsBar({
  resource,
  me,
  columns,
  hidden,
  onHiddenChange,
}: {
  resource: string
  me: Me | undefined
  columns: ColumnEntry[]
  hidden: string[]
  onHiddenChange: (hidden: string[]) => void
}) {
  const { message } = App.useApp()
  const navigate = useNavigate()
  const go = useGo()
  const { state, viewId } = useListState(hidden)
  const [saving, setSaving] = useState(false)

  const { result } = useList<SavedView, HttpError>({
    resource: 'saved-views',
    filters: [{ field: 'resource', operator: 'eq', value: resource }],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { pageSize: 200 },
    liveMode: 'off',
    queryOptions: { enabled: !!me },
  })
  const views = result?.data ?? []
  const active = views.find((view) => view.id === viewId) ?? null
  const changed = active ? differsFrom(active, state) : false
  const { mutate: update, mutation: updating } = useUpdate<SavedView, HttpError>()

  const open = (view: SavedView) => navigate(`/views/open/${view.id}`, { state: { view } })

  const mine = views.filter((view) => view.mine)
  const shared = views.filter((view) => !view.mine)
  const entry = (view: SavedView) => ({
    key: view.id,
    label: (
      <span data-testid="saved-view-item">
        {view.name}
        {view.shared && view.mine && (
          <TeamOutlined style={{ marginLeft: 6, opacity: 0.6 }} aria-label="shared" />
        )}
        {!view.mine && (
          <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }}>
            {view.owner_email}
          </Typography.Text>
        )}
      </span>
    ),
  })
  const items: MenuProps['items'] = [
    ...(mine.length
      ? [{ type: 'group' as const, key: 'mine', label: 'My views', children: mine.map(entry) }]
      : []),
    ...(shared.length
      ? [
          {
            type: 'group' as const,
            key: 'shared',
            label: 'Shared with the team',
            children: shared.map(entry),
          },
        ]
      : []),
    ...(views.length ? [{ type: 'divider' as const }] : []),
    { key: '__manage', label: 'All saved views…' },
  ]

  const saveChanges = () => {
    if (!active) return
    update(
      {
        resource: 'saved-views',
        id: active.id,
        values: {
          filters: state.filters,
          sorters: state.sorters,
          hidden_columns: state.hidden_columns,
          page_size: state.page_size,
        },
        successNotification: false,
      },
      { onSuccess: () => void message.success(`Saved “${active.name}”`) }
    )
  }

  return (
    <Flex justify="flex-end" wrap gap={8} data-testid="list-views-bar">
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          // many views: the menu scrolls within the screen instead of running off it
          style: { maxHeight: '60vh', overflowY: 'auto' },
          selectable: true,
          selectedKeys: active ? [active.id] : [],
          onClick: ({ key }) => {
            if (key === '__manage') navigate('/views')
            else {
              const view = views.find((candidate) => candidate.id === key)
              if (view) open(view)
            }
          },
        }}
      >
        <Button icon={<StarOutlined />} data-testid="views-menu">
          <Space size={4}>
            {active ? active.name : 'Views'}
            {active && changed && <Typography.Text type="secondary">(changed)</Typography.Text>}
            <DownOutlined />
          </Space>
        </Button>
      </Dropdown>
      {active?.mine && changed && (
        <Button onClick={saveChanges} loading={updating.isPending} data-testid="update-view">
          Update view
        </Button>
      )}
      <Button icon={<SaveOutlined />} onClick={() => setSaving(true)} data-testid="save-view">
        Save view
      </Button>
      <ColumnChooser columns={columns} hidden={hidden} onChange={onHiddenChange} />
      <SaveViewModal
        open={saving}
        resource={resource}
        state={state}
        onClose={() => setSaving(false)}
        onSaved={(view) => {
          setSaving(false)
          message.success(`Saved view “${view.name}”${view.shared ? ', shared with the team' : ''}`)
          // the list stays as it is, now named after its view
          go({ query: { [VIEW_PARAM]: view.id }, options: { keepQuery: true }, type: 'replace' })
        }}
      />
    </Flex>
  )
}

function ColumnChooser({
  columns,
  hidden,
  onChange,
}: {
  columns: ColumnEntry[]
  hidden: string[]
  onChange: (hidden: string[]) => void
}) {
  const choosable = columns.filter((column) => !column.fixed)
  const shown = choosable.filter((column) => !hidden.includes(column.key)).map((c) => c.key)
  const content = (
    <Space direction="vertical" size={4} data-testid="column-chooser-panel">
      <Checkbox.Group
        value={shown}
        onChange={(keys) => {
          // at least one column stays
          if (keys.length === 0) return
          onChange(choosable.map((c) => c.key).filter((key) => !keys.includes(key)))
        }}
        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
        options={choosable.map((column) => ({ label: column.label, value: column.key }))}
      />
      <Divider style={{ margin: '4px 0' }} />
      <Button size="small" type="link" disabled={hidden.length === 0} onClick={() => onChange([])}>
        Show all columns
      </Button>
    </Space>
  )
  return (
    <Popover trigger="click" placement="bottomRight" title="Columns" content={content}>
      <Button icon={<TableOutlined />} data-testid="column-chooser">
        Columns{hidden.length ? ` (${shown.length}/${choosable.length})` : ''}
      </Button>
    </Popover>
  )
}

function SaveViewModal({
  open,
  resource,
  state,
  onClose,
  onSaved,
}: {
  open: boolean
  resource: string
  state: ListState
  onClose: () => void
  onSaved: (view: SavedView) => void
}) {
  const [form] = Form.useForm<{ name: string; shared: boolean }>()
  const { mutate: create, mutation } = useCreate<SavedView, HttpError>()

  const submit = ({ name, shared }: { name: string; shared: boolean }) =>
    create(
      {
        resource: 'saved-views',
        values: { resource, name, shared: !!shared, ...state },
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: ({ data }) => {
          form.resetFields()
          onSaved(data)
        },
        onError: (error) => {
          const messages = error.errors as Record<string, string | string[]> | undefined
          const nameError = messages?.name
          form.setFields([
            {
              name: 'name',
              errors: [
                (Array.isArray(nameError) ? nameError[0] : nameError) ??
                  error.message ??
                  'The view could not be saved',
              ],
            },
          ])
        },
      }
    )

  return (
    <Modal
      open={open}
      title="Save this view"
      okText="Save"
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'save-view-submit' }}
    >
      <Typography.Paragraph type="secondary">
        The list’s filters, sort, page size and columns, under a name. Find it in the Views menu of
        this list, and under Saved views.
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ shared: false }}>
        <Form.Item
          name="name"
          label="Name"
          rules={[{ required: true, whitespace: true, message: 'Name the view' }, { max: 100 }]}
        >
          <Input autoFocus placeholder="Hot this week" data-testid="save-view-name" />
        </Form.Item>
        <Form.Item
          name="shared"
          label="Share with the team"
          valuePropName="checked"
          extra="Everyone who may read this list sees it; only you can change it."
        >
          <Switch data-testid="save-view-shared" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
