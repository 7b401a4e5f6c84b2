/*
| The web server raises and sends notifications (services/notifications.ts);
| every instance runs the notifier, one works at a time.
*/
import app from '@adonisjs/core/services/app'
import { notifier } from '#services/notifications'

notifier.start()
app.terminating(() => notifier.stop())
