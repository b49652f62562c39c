export { DomainError } from './domain-error.js'
export { errorHandler, notFoundHandler } from './error-handler.js'
export { healthRoutes, type HealthOptions } from './health-routes.js'
export { serve } from './serve.js'
