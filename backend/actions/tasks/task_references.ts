import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { OwnerType } from '#enums/task'
import { ApiException } from '#exceptions/api_exception'

/**
 * A task's owner is a person (owner_type admin) or an agent: there is no
 * foreign key to check it, so it is checked here. Links to plugins' records
 * have foreign keys (added by the plugins' migrations).
 */
export async function assertOwnerExists(
  trx: TransactionClientContract,
  ownerType: OwnerType,
  ownerId: string | null
) {
  if (!ownerId) return
  const table = ownerType === OwnerType.Agent ? 'agents' : 'users'
  const found = await trx.from(table).where('id', ownerId).first()
  if (!found) {
    throw new ApiException(
      422,
      `No ${ownerType === OwnerType.Agent ? 'agent' : 'user'} has this id`,
      {
        field: 'owner_id',
        rule: 'exists',
        code: 'E_VALIDATION_ERROR',
      }
    )
  }
}
