import shared from '@debug-drills/eslint-config'
import globals from 'globals'

export default [
  ...shared,
  // The workshop pages run in the browser, as plain modules served by `drill serve`.
  { files: ['workshop-pages/**/*.js'], languageOptions: { globals: globals.browser, sourceType: 'module' } }
]
