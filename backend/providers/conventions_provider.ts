import { BaseModel, SnakeCaseNamingStrategy } from '@adonisjs/lucid/orm'

/**
 * API fields are the snake_case column names (the contract), for the host's
 * models and every plugin's alike.
 */
export default class ConventionsProvider {
  async boot() {
    BaseModel.namingStrategy = new SnakeCaseNamingStrategy()
  }
}
