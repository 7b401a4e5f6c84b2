import { useEffect, useMemo, useRef, useState } from 'react'
import { useCan, useInvalidate } from '@refinedev/core'
import { Link } from 'react-router'
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Progress,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd'
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import type { components } from '#client/api_types'
import { API_URL, http, type ApiHttpError } from '@admin/providers/http'
import { Loading } from '@admin/components/states'
import { Forbidden } from '@admin/components/result_page'
import { PastImports } from './past_imports'

type Preview = components['schemas']['LeadImportPreview']
type LeadImport = components['schemas']['LeadImport']
type Field = Preview['fields'][number]['name']
type Mapping = Record<string, Field | null>

/* The start of the file the preview reads: enough for the headers and 20 rows of any sane file. */
const PREVIEW_BYTES = 256 * 1024

const FIELD_LABELS: Record<Field, string> = {
  business_name: 'Business name',
  niche: 'Niche',
  region: 'Region',
  website: 'Website',
  contact_name: 'Contact name',
  contact_role: 'Contact role',
  email: 'E-mail',
  phone: 'Phone',
  source: 'Source',
  lead_score: 'Score (A, B, C)',
  status: 'Status',
  next_step: 'Next step',
  notes: 'Notes (one per line)',
}

/* after a lost connection, how long an import the server never heard of is waited for */
const LOST_GIVE_UP_MS = 30_000

const PHASES: Record<LeadImport['status'], string> = {
  loading: 'Reading the file',
  checking: 'Checking the rows',
  inserting: 'Adding the leads',
  done: 'Done',
  failed: 'Failed',
}

const REASONS: Record<keyof LeadImport['rejected_by_reason'], string> = {
  invalid: 'invalid',
  duplicate: 'already a lead',
  duplicate_in_file: 'twice in the file',
  suppressed: 'do not contact',
}

function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} kB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/* crypto.randomUUID needs a secure context; an admin on plain http (a LAN address) has getRandomValues only */
function newId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = (bytes[6] & 0x0f) | 0x40
  bytes[8] = (bytes[8] & 0x3f) | 0x80
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

const errorMessage = (error: unknown) =>
  (error as ApiHttpError)?.message ?? 'Something went wrong: try again'

/**
 * Import leads from a CSV file: choose the file, map its columns to lead
 * fields (guessed from the headers, your earlier choices preselected),
 * check the first rows, import with a live progress bar, then the counts
 * and the rejected rows to download. The server does the work
 * (POST /api/leads/import); this screen only shows it.
 */
export default function LeadImportWizard() {
  const { data: access, isLoading: checking } = useCan({ resource: 'leads', action: 'import' })
  const [step, setStep] = useState(0)
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
  const [reading, setReading] = useState(false)
  const [readError, setReadError] = useState<string | null>(null)

  if (checking) return <Loading />
  if (!access?.can) return <Forbidden />

  async function choose(chosen: File) {
    setFile(chosen)
    setReading(true)
    setReadError(null)
    try {
      const start = await chosen.slice(0, PREVIEW_BYTES).text()
      const partial = chosen.size > PREVIEW_BYTES
      const { data } = await http.post<Preview>(
        `${API_URL}/leads/import/preview${partial ? '?partial=true' : ''}`,
        start,
        { headers: { 'Content-Type': 'text/csv' } }
      )
      setPreview(data)
      setMapping(data.mapping as Mapping)
      setStep(1)
    } catch (error) {
      setReadError(errorMessage(error))
    } finally {
      setReading(false)
    }
  }

  function restart() {
    setStep(0)
    setFile(null)
    setPreview(null)
    setMapping({})
    setReadError(null)
  }

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="Import leads from a CSV file" data-testid="lead-import">
        <Steps
          current={step}
          size="small"
          style={{ marginBottom: 24 }}
          items={[{ title: 'File' }, { title: 'Columns' }, { title: 'Check' }, { title: 'Import' }]}
        />
        {step === 0 && (
          <ChooseFile
            reading={reading}
            error={readError}
            onFile={(chosen) => void choose(chosen)}
          />
        )}
        {step === 1 && preview && (
          <MapColumns
            preview={preview}
            mapping={mapping}
            onChange={setMapping}
            onBack={restart}
            onNext={() => setStep(2)}
          />
        )}
        {step === 2 && preview && file && (
          <CheckRows
            preview={preview}
            mapping={mapping}
            file={file}
            onBack={() => setStep(1)}
            onNext={() => setStep(3)}
          />
        )}
        {step === 3 && file && <RunImport file={file} mapping={mapping} onRestart={restart} />}
      </Card>
      {step === 0 && <PastImports />}
    </Space>
  )
}

function ChooseFile({
  reading,
  error,
  onFile,
}: {
  reading: boolean
  error: string | null
  onFile: (file: File) => void
}) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message="This file cannot be read"
          description={error}
        />
      )}
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        disabled={reading}
        beforeUpload={(chosen) => {
          onFile(chosen)
          return false
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">
          {reading ? 'Reading the file…' : 'Click or drop a CSV file here'}
        </p>
        <p className="ant-upload-hint">
          UTF-8 (with or without BOM), a header row naming the columns, any size. Business name,
          niche, region and website are required.
        </p>
      </Upload.Dragger>
    </Space>
  )
}

function MapColumns({
  preview,
  mapping,
  onChange,
  onBack,
  onNext,
}: {
  preview: Preview
  mapping: Mapping
  onChange: (mapping: Mapping) => void
  onBack: () => void
  onNext: () => void
}) {
  const used = new Set(Object.values(mapping).filter(Boolean))
  const missing = preview.fields.filter((field) => field.required && !used.has(field.name))
  const remembered = new Set(preview.remembered)
  const duplicated = preview.headers.filter((header, i) => preview.headers.indexOf(header) !== i)

  const rows = preview.headers.map((header, index) => ({
    key: `${index}`,
    header,
    index,
    samples: preview.rows
      .slice(0, 3)
      .map((row) => row[index] ?? '')
      .filter((value) => value.trim() !== ''),
  }))

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Choose the lead field each column fills. Guessed from the headers; your choices from earlier
        imports are preselected and kept for the next file.
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="import-mapping"
        columns={[
          {
            title: 'Column in the file',
            dataIndex: 'header',
            render: (header: string) => (
              <Space size={4}>
                <Typography.Text strong>{header || <i>(no name)</i>}</Typography.Text>
                {remembered.has(header) && <Tag color="blue">remembered</Tag>}
              </Space>
            ),
          },
          {
            title: 'Sample values',
            dataIndex: 'samples',
            render: (samples: string[]) => (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                {samples.length ? samples.join(' · ') : '—'}
              </Typography.Text>
            ),
          },
          {
            title: 'Lead field',
            dataIndex: 'header',
            key: 'field',
            width: 240,
            render: (header: string, row: { index: number }) =>
              duplicated.includes(header) ? (
                <Typography.Text type="secondary">Two columns have this name</Typography.Text>
              ) : (
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: '100%' }}
                  value={mapping[header] ?? ''}
                  aria-label={`Lead field for ${header}`}
                  data-testid={`map-${row.index}`}
                  onChange={(value: string) =>
                    onChange({ ...mapping, [header]: (value || null) as Field | null })
                  }
                  options={[
                    { value: '', label: 'Do not import' },
                    ...preview.fields.map((field) => ({
                      value: field.name,
                      label: `${FIELD_LABELS[field.name] ?? field.name}${field.required ? ' *' : ''}`,
                      disabled: used.has(field.name) && mapping[header] !== field.name,
                    })),
                  ]}
                />
              ),
          },
        ]}
      />
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`Map a column to: ${missing.map((field) => FIELD_LABELS[field.name]).join(', ')}`}
        />
      )}
      <Flex gap="small" justify="space-between">
        <Button onClick={onBack}>Choose another file</Button>
        <Button
          type="primary"
          disabled={missing.length > 0}
          onClick={onNext}
          data-testid="import-next"
        >
          Next: check the rows
        </Button>
      </Flex>
    </Space>
  )
}

function CheckRows({
  preview,
  mapping,
  file,
  onBack,
  onNext,
}: {
  preview: Preview
  mapping: Mapping
  file: File
  onBack: () => void
  onNext: () => void
}) {
  const mapped = preview.fields
    .map((field) => ({
      field: field.name,
      index: preview.headers.findIndex((h) => mapping[h] === field.name),
    }))
    .filter(({ index }) => index !== -1)
  const data = preview.rows.map((row, n) => ({
    key: n,
    ...Object.fromEntries(mapped.map(({ field, index }) => [field, (row[index] ?? '').trim()])),
  }))
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label="File">{file.name}</Descriptions.Item>
        <Descriptions.Item label="Size">{formatBytes(file.size)}</Descriptions.Item>
        <Descriptions.Item label="Columns imported">{mapped.length}</Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        The first {data.length} rows as they will be imported. Every row is checked with the rules
        of a single lead; duplicates (same website or e-mail as a lead, or as an earlier row) and
        invalid rows are not imported but listed, with the reason, in a file you can download.
      </Typography.Paragraph>
      <Table
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={data}
        data-testid="import-preview"
        locale={{ emptyText: 'The file has no rows under its header' }}
        columns={mapped.map(({ field }) => ({
          title: FIELD_LABELS[field],
          dataIndex: field,
          ellipsis: true,
          render: (value: string) => value || <Typography.Text type="secondary">—</Typography.Text>,
        }))}
      />
      <Flex gap="small" justify="space-between">
        <Button onClick={onBack}>Back to the columns</Button>
        <Button type="primary" onClick={onNext} data-testid="import-start">
          Import {file.name}
        </Button>
      </Flex>
    </Space>
  )
}

function RunImport({
  file,
  mapping,
  onRestart,
}: {
  file: File
  mapping: Mapping
  onRestart: () => void
}) {
  const id = useMemo(newId, [])
  const [uploaded, setUploaded] = useState(0)
  const [record, setRecord] = useState<LeadImport | null>(null)
  const [error, setError] = useState<string | null>(null)
  /* the answer to the upload never came (the connection dropped): the server may still be importing */
  const [lost, setLost] = useState(false)
  const finished = useRef(false)
  const invalidate = useInvalidate()

  useEffect(() => {
    const query = new URLSearchParams({
      id,
      file_name: file.name,
      mapping: JSON.stringify(mapping),
    })
    const succeeded = (data: LeadImport) => {
      finished.current = true
      setRecord(data)
      void invalidate({ resource: 'leads', invalidates: ['list'] })
    }
    const failed = (message: string) => {
      finished.current = true
      setError(message)
    }
    let lostAt: number | null = null
    http
      .post<LeadImport>(`${API_URL}/leads/import?${query}`, file, {
        headers: { 'Content-Type': 'text/csv' },
        onUploadProgress: (event) => setUploaded(event.loaded),
      })
      .then(({ data }) => succeeded(data))
      .catch((failure) => {
        if (finished.current) return
        // the server answered: its refusal is the outcome
        if (failure?.response) return failed(errorMessage(failure))
        // no answer: the record tells how the import ends
        lostAt = Date.now()
        setLost(true)
      })
    // the record, while the import runs (its rows and its phase), and after a lost connection
    const poll = setInterval(() => {
      if (finished.current) return clearInterval(poll)
      http
        .get<LeadImport>(`${API_URL}/leads/imports/${id}`, { validateStatus: (s) => s === 200 })
        .then(({ data }) => {
          if (finished.current) return
          setRecord(data)
          if (lostAt === null) return
          if (data.status === 'done') succeeded(data)
          else if (data.status === 'failed') failed(data.error ?? 'The import failed')
        })
        .catch(() => {
          // 404 until the server has read the header; a network error: try again next time
          if (lostAt !== null && Date.now() - lostAt > LOST_GIVE_UP_MS) {
            failed(
              'The connection to the server was lost and the server has no record of this import: nothing was imported. Check your connection and start again.'
            )
          }
        })
    }, 700)
    return () => clearInterval(poll)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (error) {
    return (
      <div data-testid="import-failed">
        <Result
          status="error"
          title="The import failed: nothing was imported"
          subTitle={error}
          extra={<Button onClick={onRestart}>Start again</Button>}
        />
      </div>
    )
  }

  if (record?.status === 'done') return <ImportDone record={record} onRestart={onRestart} />

  // the upload counts for the first half until the server says more
  const fromUpload = file.size ? Math.floor((uploaded / file.size) * 50) : 0
  const percent = Math.max(record?.progress ?? 0, Math.min(fromUpload, 50))
  const phase = record ? PHASES[record.status] : uploaded ? 'Sending the file' : 'Starting'
  return (
    <Space
      direction="vertical"
      size="middle"
      style={{ width: '100%' }}
      data-testid="import-running"
    >
      <Typography.Text>
        {phase}…{' '}
        {record && record.rows > 0 && (
          <Typography.Text type="secondary">
            {record.rows.toLocaleString('en')} rows read
          </Typography.Text>
        )}
      </Typography.Text>
      {lost && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-connection-lost"
          message="The connection to the server was lost"
          description="The import may still be running on the server: this page follows it and shows how it ends."
        />
      )}
      <Progress percent={percent} status="active" data-testid="import-progress" />
      <Typography.Text type="secondary">
        {formatBytes(uploaded)} of {formatBytes(file.size)} sent.{' '}
        {uploaded >= file.size
          ? 'You may leave this page: the import goes on, and its leads appear in the list when it is done.'
          : 'Stay on this page until the file is sent.'}
      </Typography.Text>
    </Space>
  )
}

function ImportDone({ record, onRestart }: { record: LeadImport; onRestart: () => void }) {
  const reasons = Object.entries(record.rejected_by_reason).filter(([, n]) => n > 0)
  return (
    <div data-testid="import-result">
      <Result
        status={record.imported > 0 ? 'success' : 'warning'}
        title={`${record.imported.toLocaleString('en')} leads imported from ${record.file_name}`}
        subTitle={
          record.rejected > 0
            ? `${record.rejected.toLocaleString('en')} rows were not imported: ${reasons
                .map(
                  ([reason, n]) =>
                    `${n.toLocaleString('en')} ${REASONS[reason as keyof typeof REASONS]}`
                )
                .join(', ')}.`
            : 'Every row was imported.'
        }
        extra={
          <Space direction="vertical" size="large">
            <Flex gap="large" justify="center">
              <div data-testid="import-rows">
                <Statistic title="Rows" value={record.rows} />
              </div>
              <div data-testid="import-imported">
                <Statistic title="Imported" value={record.imported} />
              </div>
              <div data-testid="import-rejected">
                <Statistic title="Not imported" value={record.rejected} />
              </div>
            </Flex>
            <Flex gap="small" justify="center" wrap>
              {record.rejected_csv && (
                <Button
                  icon={<DownloadOutlined />}
                  href={record.rejected_csv}
                  download
                  data-testid="import-rejected-csv"
                >
                  Download the rejected rows (CSV)
                </Button>
              )}
              <Link to="/leads">
                <Button type="primary">Go to the leads</Button>
              </Link>
              <Button onClick={onRestart}>Import another file</Button>
            </Flex>
          </Space>
        }
      />
    </div>
  )
}
