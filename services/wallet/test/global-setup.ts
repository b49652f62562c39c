export { default } from '@debug-drills/test-database/global-setup'
