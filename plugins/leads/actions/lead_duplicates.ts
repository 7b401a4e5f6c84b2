import db from '@adonisjs/lucid/services/db'
import { ApiException } from '#exceptions/api_exception'

/* The unique indexes of the dedupe migration, and the field each guards. */
const DEDUPE_INDEXES: Record<string, 'website' | 'email'> = {
  leads_website_key_unique: 'website',
  leads_email_key_unique: 'email',
}

const KEY_FUNCTION = { website: 'leads_website_key', email: 'leads_email_key' } as const

/**
 * Turns the database's refusal of a duplicate lead into the 409 the API
 * promises, naming the lead that already has this website or email. The
 * database decides (so concurrent creates cannot both win); the lookup
 * runs after the failed transaction, through the same SQL normalization.
 * Returns null for any other error.
 */
export async function duplicateLeadError(
  error: unknown,
  candidate: { website?: string | null; email?: string | null },
  selfId?: string
): Promise<ApiException | null> {
  const e = error as { code?: string; constraint?: string }
  const field = e?.code === '23505' ? DEDUPE_INDEXES[e.constraint ?? ''] : undefined
  if (!field) return null

  const value = candidate[field]
  const query = db
    .from('leads')
    .select('id', 'business_name')
    .whereRaw(`${KEY_FUNCTION[field]}(${field}) = ${KEY_FUNCTION[field]}(?)`, [
      value ?? null,
    ] as any[])
  if (selfId) query.whereNot('id', selfId)
  const existing = await query.first()

  const what = field === 'website' ? 'website' : 'email address'
  const message = existing
    ? `A lead with this ${what} already exists: ${existing.id} (${existing.business_name})`
    : `A lead with this ${what} already exists`
  return new ApiException(409, message, {
    code: 'E_DUPLICATE_LEAD',
    field,
    meta: existing ? { existing_id: existing.id } : undefined,
  })
}
