import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A URL that receives signed webhooks for the events it names (docs/WEBHOOKS.md). */
export default class WebhookSubscription extends BaseModel {
  static table = 'webhook_subscriptions'

  @column({ isPrimary: true })
  declare id: string

  @column()
  declare url: string

  @column()
  declare description: string | null

  /** Exact types, `prefix.*`, or `*` (text[]: pg sends a JS array as an array literal). */
  @column()
  declare eventTypes: string[]

  /** Empty: every resource. */
  @column()
  declare resourceTypes: string[]

  /** Only the events about this agent, and its private messages (feedback on its drafts). */
  @column()
  declare agentId: string | null

  /** Standard Webhooks secret (`whsec_...`); never in an audit row or an event. */
  @column()
  declare secret: string

  @column()
  declare enabled: boolean

  @column()
  declare createdBy: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  /** The record without its secret: for audit rows and events. */
  withoutSecret() {
    const { secret: _secret, ...rest } = this.serialize()
    return rest
  }
}
