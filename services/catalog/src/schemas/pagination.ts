import { Type, type TSchema } from 'typebox'

/** Query of the history endpoints: newest first, resumed with the `next` of the previous page. */
export const HistoryPageQuerySchema = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 }))
})

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    /** Pass as `cursor` for the next page; null on the last one. */
    next: Type.Union([Type.String(), Type.Null()])
  })
}
