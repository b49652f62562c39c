import { EDITABLE_FIELDS, type EditableField, type EditableFields, type ProductChanges } from './product.js'

/**
 * The part of `requested` that actually changes `current`: fields left out of the request
 * and fields sent with the value they already have are dropped. Price history, stock
 * movements and events are derived from this, so a no-op edit leaves no trace.
 */
export function changedFields(current: EditableFields, requested: ProductChanges): ProductChanges {
  const changes: Partial<Record<EditableField, unknown>> = {}
  for (const field of EDITABLE_FIELDS) {
    const next = requested[field] ?? current[field]
    if (next !== current[field]) changes[field] = next
  }
  return changes as ProductChanges
}

export function hasChanges(changes: ProductChanges): boolean {
  return Object.keys(changes).length > 0
}
