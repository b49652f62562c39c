export { applyMigrations, MigrationError, type ApplyMigrationsOptions } from './apply-migrations.js'
export { readMigrations, type Migration } from './read-migrations.js'
