import env from '#start/env'
import { defineConfig } from '@adonisjs/mail'
import { SMTPTransport } from '@adonisjs/mail/transports/smtp'

/**
 * E-mail for notifications (docs/NOTIFICATIONS.md), through SMTP_HOST. Without
 * it the e-mail channel is off (the admin says so). Read when the mailer is
 * first used; `mail.close('smtp')` makes the next use read it again.
 */
export const smtpSettings = {
  host: env.get('SMTP_HOST') as string | undefined,
  port: env.get('SMTP_PORT', 587),
  secure: env.get('SMTP_SECURE', false),
  user: env.get('SMTP_USERNAME') as string | undefined,
  password: env.get('SMTP_PASSWORD') as string | undefined,
  from: env.get('MAIL_FROM', 'mission-control@localhost'),
}

const mailConfig = defineConfig({
  default: 'smtp',
  from: { address: smtpSettings.from, name: 'Mission Control' },
  mailers: {
    smtp: () =>
      new SMTPTransport({
        host: smtpSettings.host ?? '127.0.0.1',
        port: smtpSettings.port,
        secure: smtpSettings.secure,
        ...(smtpSettings.user
          ? { auth: { type: 'login', user: smtpSettings.user, pass: smtpSettings.password ?? '' } }
          : {}),
      }),
  },
})

export default mailConfig

declare module '@adonisjs/mail/types' {
  export interface MailersList extends InferMailers<typeof mailConfig> {}
}
