import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { ApprovalAction } from '../enums.js'
import { jsonColumn } from '#models/json_column'

export default class Approval extends BaseModel {
  static table = 'approvals'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare draftId: string

  @column()
  declare action: ApprovalAction

  /** The version decided on (the one the admin read); null for decisions made before it was kept. */
  @column()
  declare version: number | null

  @column()
  declare notes: string | null

  @column()
  declare editorContent: string | null

  /** The admin who decided; null for a decision of an approval policy (`auto`). */
  @column()
  declare decidedBy: string | null

  /** Made by an approval policy at submit time, by the system. */
  @column()
  declare auto: boolean

  /** For `auto`: the policy applied, as it stood. */
  @column(jsonColumn())
  declare policy: Record<string, unknown> | null

  /** For `auto`: the agent's record and each threshold it met. */
  @column(jsonColumn())
  declare evidence: Record<string, unknown> | null

  /** In a kind that needs several admins: this approval's number, of `approvals_required`. */
  @column()
  declare approvalCount: number | null

  @column()
  declare approvalsRequired: number | null

  @column.dateTime({ autoCreate: true })
  declare decidedAt: DateTime
}
