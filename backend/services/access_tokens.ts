/**
 * Mints an access token inside a transaction, so the token row, its event
 * and its audit row are written together (the auth provider's own create()
 * always uses a separate connection). Same row format as the provider, so
 * the guards verify these tokens as usual.
 */
import { AccessToken, type DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

interface ProviderSettings {
  table: string
  type: string
  prefix: string
  tokenSecretLength: number
  options: { expiresIn?: string | number }
}

export async function mintToken(
  trx: TransactionClientContract,
  provider: DbAccessTokensProvider<any>,
  ownerId: string,
  abilities: string[],
  name: string | null
) {
  // These are public fields of the provider, typed as protected.
  const settings = provider as unknown as ProviderSettings
  const transient = AccessToken.createTransientToken(
    ownerId,
    settings.tokenSecretLength,
    settings.options.expiresIn
  )
  const now = new Date()
  const [row] = await trx
    .insertQuery()
    .table(settings.table)
    .insert({
      tokenable_id: ownerId,
      type: settings.type,
      name,
      hash: transient.hash,
      abilities: JSON.stringify(abilities),
      created_at: now,
      updated_at: now,
      last_used_at: null,
      expires_at: transient.expiresAt ?? null,
    })
    .returning('id')
  return new AccessToken({
    identifier: typeof row === 'object' ? row.id : row,
    tokenableId: ownerId,
    type: settings.type,
    prefix: settings.prefix,
    secret: transient.secret,
    name,
    hash: transient.hash,
    abilities,
    createdAt: now,
    updatedAt: now,
    lastUsedAt: null,
    expiresAt: transient.expiresAt ?? null,
  })
}

/** What the API shows of a token; the secret is added only when it is minted. */
export function describeToken(token: AccessToken) {
  return {
    id: Number(token.identifier),
    name: token.name,
    abilities: token.abilities,
    created_at: token.createdAt,
    last_used_at: token.lastUsedAt,
    expires_at: token.expiresAt,
  }
}
