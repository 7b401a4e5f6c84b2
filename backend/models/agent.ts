import { DateTime } from 'luxon'
import type { AccessToken } from '@adonisjs/auth/access_tokens'
import { BaseModel, column } from '@adonisjs/lucid/orm'
import { TokenProvider } from '#services/token_provider'
import { AgentStatus } from '#enums/agent_status'
import { jsonColumn } from '#models/json_column'

export default class Agent extends BaseModel {
  static table = 'agents'

  /** Agent tokens: their own table and guard (`agent`), revocable one by one. */
  static accessTokens = new TokenProvider({
    tokenableModel: Agent,
    table: 'agent_access_tokens',
    prefix: 'mca_',
    type: 'agent_token',
  })

  /** Set by the `agent` guard: the token this request was made with. */
  declare currentAccessToken?: AccessToken

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare name: string

  @column()
  declare type: string

  @column()
  declare status: AgentStatus

  @column()
  declare currentTaskId: string | null

  /** Why it is paused or killed: an admin's reason, or the rule (a budget) that paused it. */
  @column()
  declare pauseReason: string | null

  @column.dateTime()
  declare lastUpdateAt: DateTime | null

  @column(jsonColumn())
  declare metadata: Record<string, unknown>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
