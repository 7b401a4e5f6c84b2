import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { DraftChannel, PolicyMode } from '../enums.js'

/** An approval policy for one agent type and one draft kind (or any kind: `channel` null). */
export default class ApprovalPolicy extends BaseModel {
  static table = 'approval_policies'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare agentType: string

  /** The draft kind; null: any kind this type has no specific policy for. */
  @column()
  declare channel: DraftChannel | null

  @column()
  declare mode: PolicyMode

  /** Auto-approve only after at least this many human decisions on the agent's drafts. */
  @column()
  declare minDecided: number

  /** ...of which at least this share (0-1) approved with no edit and no requested change. */
  @column()
  declare minCleanRate: number

  /** ...and no rejection among the last this many decisions (0: no such rule). */
  @column()
  declare noRejectionInLast: number

  /** 1, or 2: two different admins must approve. */
  @column()
  declare requiredApprovals: number

  @column()
  declare updatedBy: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
