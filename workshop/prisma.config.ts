import { defineConfig } from 'prisma/config'

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: {
    // Only migrate/db commands need it; generate runs without a database.
    url: process.env.DATABASE_URL ?? ''
  }
})
