import vine from '@vinejs/vine'

export const DIGEST_MINUTES = [0, 15, 60, 240, 1440] as const

export const preferencesValidator = vine.create(
  vine.object({
    /** Slack-compatible incoming webhook; null removes it. */
    slack_webhook_url: vine
      .string()
      .trim()
      .maxLength(2000)
      .url({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
      .nullable()
      .optional(),
    kinds: vine
      .array(
        vine.object({
          kind: vine.string().trim().maxLength(100),
          in_app: vine.boolean(),
          email: vine.boolean(),
          slack: vine.boolean(),
          /** 0: at once; else one message every this many minutes. */
          digest_minutes: vine.number().in([...DIGEST_MINUTES]),
        })
      )
      .maxLength(100)
      .optional(),
  })
)
