import { drillTestConfig } from '@debug-drills/test-support/vitest-config'

export default drillTestConfig('workshop')
