import { Exception } from '@adonisjs/core/exceptions'

/**
 * An error a client caused or must know about, answered with the contract's
 * shape: {"errors":[{message, field?, rule?, code?}]}. (The typed agent
 * client's `ApiError` is the other side: such an answer, as an agent gets it.)
 */
export class ApiException extends Exception {
  constructor(
    status: number,
    message: string,
    readonly details: {
      code?: string
      field?: string
      rule?: string
      headers?: Record<string, string>
      /** Extra machine-readable properties of the error item (e.g. `existing_id`). */
      meta?: Record<string, unknown>
    } = {}
  ) {
    super(message, { status, code: details.code })
  }

  static notFound(what = 'Record') {
    return new ApiException(404, `${what} not found`, { code: 'E_NOT_FOUND' })
  }

  static conflict(message: string, code = 'E_CONFLICT') {
    return new ApiException(409, message, { code })
  }

  static forbidden(message = 'Your role does not allow this action') {
    return new ApiException(403, message, { code: 'E_FORBIDDEN' })
  }
}
