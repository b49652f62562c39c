/** A catalogue product as the rest of the service sees it, whatever stores it. */
export interface Product {
  id: number
  sku: string
  name: string
  description: string
  category: string
  /** Whole cents; 0 is a free item (samples, gifts with purchase). */
  priceCents: number
  stock: number
  /** Inactive products stay readable by SKU but are hidden from the storefront. */
  active: boolean
  createdBy: string | null
  updatedBy: string | null
  createdAt: Date
  updatedAt: Date
}

export interface NewProduct {
  sku: string
  name: string
  description?: string
  category: string
  priceCents: number
  stock?: number
}

/** The fields the back office may edit; the SKU identifies a product and never changes. */
export const EDITABLE_FIELDS = ['name', 'description', 'category', 'priceCents', 'stock', 'active'] as const

export type EditableField = (typeof EDITABLE_FIELDS)[number]

export type EditableFields = Pick<Product, EditableField>

/** A partial edit: a field that is absent (or undefined) is left as it is. */
export type ProductChanges = Partial<EditableFields>
