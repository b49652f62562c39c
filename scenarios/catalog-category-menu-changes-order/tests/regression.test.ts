import { check, scenarioTest } from '@debug-drills/drill-kit'
import { browse, MENU, MENU_BY_NAME, page, stockCategories, storedAlphabetical, TILES } from './categories.js'

scenarioTest('The A to Z menu stays A to Z after the home page has shown the categories by size', async () => {
  const { products } = await stockCategories()
  const problems = await browse(products, await storedAlphabetical(), [
    { warm: false, views: [TILES, MENU] },
    { warm: false, views: [TILES, MENU_BY_NAME] },
    { warm: true, views: [TILES, MENU] },
    { warm: true, views: [TILES, TILES, MENU_BY_NAME, MENU] },
    { warm: false, views: [MENU, TILES, MENU, TILES, MENU] }
  ])
  check(problems.length === 0, `${problems.length} answers were out of order: ${problems.slice(0, 2).join(' | ')}.`)
})

scenarioTest("A category page's previous and next arrows follow A to Z after the home page has shown the categories by size", async () => {
  const { categories, products } = await stockCategories()
  const alphabetical = await storedAlphabetical()
  const [first, last] = [alphabetical[0]!.category, alphabetical.at(-1)!.category]
  const middle = categories[2]!
  const problems = await browse(products, alphabetical, [
    { warm: false, views: [TILES, ...categories.map(page)] },
    { warm: true, views: [TILES, page(first), page(last)] },
    { warm: false, views: [page(middle), TILES, page(middle), TILES, page(first)] }
  ])
  check(problems.length === 0, `${problems.length} answers were wrong: ${problems.slice(0, 2).join(' | ')}.`)
})
