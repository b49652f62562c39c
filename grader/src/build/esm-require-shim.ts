/** ES module output still meets CommonJS dependencies that call require() for Node built-ins. */
export const ESM_REQUIRE_SHIM =
  "import { createRequire as __drillCreateRequire } from 'node:module'; const require = __drillCreateRequire(import.meta.url);"
