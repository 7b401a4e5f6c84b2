/**
 * The server's request body deadline (HTTP_BODY_TIMEOUT_SECONDS), for routes
 * that stream their body and watch it themselves: see runtime/http_server.ts.
 */
export { bodyDeadline, liftBodyDeadline } from '../runtime/http_server.js'
