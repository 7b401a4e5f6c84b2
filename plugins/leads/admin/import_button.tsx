import { useCan } from '@refinedev/core'
import { Button } from 'antd'
import { UploadOutlined } from '@ant-design/icons'
import { Link } from 'react-router'

/** Opens the CSV import (hidden from those who may not create leads). */
export function ImportCsvButton() {
  const { data: access } = useCan({ resource: 'leads', action: 'import' })
  if (!access?.can) return null
  return (
    <Link to="/leads/import">
      <Button icon={<UploadOutlined />} data-testid="import-csv">
        Import CSV
      </Button>
    </Link>
  )
}
