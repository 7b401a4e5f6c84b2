/*
| The web server sends the webhook outbox (services/webhook_delivery.ts);
| every instance does, each delivery is sent by one. Stopped on shutdown
| after the deliveries in flight are settled; what is left is sent by
| another instance, or by this one after a restart.
*/
import app from '@adonisjs/core/services/app'
import { webhookSender } from '#services/webhook_delivery'

webhookSender.start()
app.terminating(() => webhookSender.stop())
