import { execFileSync } from 'node:child_process'
import { drillBin, tempCheckout, type TempCheckout, type TempCheckoutOptions } from '@debug-drills/test-support'

/** A throwaway checkout in which `drill start <scenario>` has planted the drill's bug, as a trainee's would be. */
export function plantedCheckout(scenario: string, options: TempCheckoutOptions = {}): TempCheckout {
  const checkout = tempCheckout(options)
  execFileSync(process.execPath, [drillBin, 'start', scenario, '--yes'], { cwd: checkout.root, env: { ...process.env, NO_COLOR: '1' }, stdio: 'ignore' })
  return checkout
}
