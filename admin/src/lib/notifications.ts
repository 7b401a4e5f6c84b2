import type { HttpError, OpenNotificationParams } from '@refinedev/core'

/**
 * For useForm's `errorNotification`: a 422 is already shown under each
 * field, so the toast only points there; anything else shows the server's
 * message (a 409 conflict, a 403 refusal).
 */
export function formErrorNotification(error?: HttpError): OpenNotificationParams {
  if (error?.statusCode === 422) {
    return { type: 'error', message: 'Check the highlighted fields', description: error.message }
  }
  return {
    type: 'error',
    message: error?.statusCode ? `Not saved (${error.statusCode})` : 'Not saved',
    description: error?.message,
  }
}
