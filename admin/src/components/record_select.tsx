import { useSelect } from '@refinedev/antd'
import type { BaseRecord } from '@refinedev/core'
import { Select, type SelectProps } from 'antd'

interface RecordSelectProps {
  /** Set by Form.Item, so its label points at this control. */
  id?: string
  /** The API resource (`agents`, `leads`, ...). */
  resource: string
  /** The record field shown as the option's label. */
  optionLabel: string
  /** Shown for the selected value before its record is loaded. */
  placeholder?: string
  value?: string | null
  onChange?: (value: string | null) => void
  disabled?: boolean
}

/**
 * Picks one record of a resource, searching with the API's `q`; for form
 * items (`value`/`onChange`). Clearing gives null, so a PATCH unlinks.
 */
export function RecordSelect({
  id,
  resource,
  optionLabel,
  placeholder,
  value,
  onChange,
  disabled,
}: RecordSelectProps) {
  const { selectProps } = useSelect<BaseRecord>({
    resource,
    optionLabel: optionLabel as never,
    optionValue: 'id' as never,
    defaultValue: value ?? undefined,
    onSearch: (search) => [{ field: 'q', operator: 'eq', value: search || undefined }],
    pagination: { pageSize: 20, mode: 'server' },
    errorNotification: false,
  })
  return (
    <Select
      {...(selectProps as unknown as SelectProps<string>)}
      id={id}
      allowClear
      placeholder={placeholder}
      disabled={disabled}
      value={value ?? undefined}
      onChange={(next) => onChange?.(next ?? null)}
      style={{ width: '100%' }}
    />
  )
}
