import { BaseModel, SnakeCaseNamingStrategy } from '@adonisjs/lucid/orm'
import { Request } from '@adonisjs/core/http'
import { RequestValidator } from '@adonisjs/core/http'

/**
 * Conventions every route and model shares, the host's and every plugin's:
 * - API fields are the snake_case column names (the contract);
 * - a request's validated input is its body and nothing else. AdonisJS's
 *   own `validateUsing` merges the query string into the body, so a rule
 *   that looks at the body (a closer may change only these fields) could be
 *   passed by putting the other fields in the URL. Overriding it here makes
 *   every validator, present and future, see exactly the data it returns.
 */
export default class ConventionsProvider {
  async boot() {
    BaseModel.namingStrategy = new SnakeCaseNamingStrategy()

    Request.macro('validateUsing', function (this: Request, validator: any, options?: any) {
      const body = this.body()
      return new RequestValidator(this.ctx!).validateUsing(validator, {
        ...options,
        data: options?.data ?? body,
      })
    } as any)
  }
}
