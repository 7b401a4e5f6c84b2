/**
 * The headers every answer carries, API and admin alike (the built admin's
 * files are served before any route runs, so these are set on the raw
 * response, first thing):
 * - a Content-Security-Policy that lets the page run only the app's own
 *   scripts (no inline script, no eval, nothing from another origin), talk
 *   only to this origin, and never be framed. Styles may be inline: Ant
 *   Design writes its CSS at run time;
 * - X-Frame-Options DENY for browsers without frame-ancestors;
 * - X-Content-Type-Options nosniff; a Referrer-Policy that sends no URL to
 *   other sites; a Permissions-Policy turning off device features; and
 *   Cross-Origin-Opener-Policy, so no other window keeps a handle on ours.
 * HSTS is added by shield (config/shield.ts) on HTTPS only.
 */
import type { ServerResponse } from 'node:http'

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
}

const ENTRIES = Object.entries(SECURITY_HEADERS)

export function setSecurityHeaders(response: ServerResponse) {
  for (const [name, value] of ENTRIES) response.setHeader(name, value)
}
