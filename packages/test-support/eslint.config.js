export { default } from '@debug-drills/eslint-config'
