// Realistic vocabularies for hidden-test data. A fix must not be able to tell test data from a
// customer's: no fixed prefix, no single domain, no marker word. Each pool is large enough that
// combining two of them gives hundreds of values.

export const FIRST_NAMES = [
  'Ada', 'Amara', 'Aiko', 'Alejandro', 'Anika', 'Ben', 'Bilal', 'Camille', 'Chen', 'Chiara', 'Dmitri', 'Diego', 'Elif',
  'Emeka', 'Esther', 'Farah', 'Finn', 'Grace', 'Hamid', 'Hana', 'Ingrid', 'Ivan', 'Jamal', 'Jana', 'Joon', 'Kai',
  'Keira', 'Laila', 'Lars', 'Lucía', 'Malik', 'Maren', 'Mateo', 'Mei', 'Nadia', 'Nikhil', 'Noor', 'Olu', 'Oskar',
  'Paloma', 'Priya', 'Quinn', 'Rafael', 'Rosa', 'Sade', 'Sami', 'Sofia', 'Tariq', 'Thea', 'Tomás', 'Uma', 'Vera',
  'Wanjiru', 'Wei', 'Yara', 'Yusuf', 'Zoe', 'Zeynep'
] as const

export const LAST_NAMES = [
  'Abebe', 'Andersen', 'Baptiste', 'Becker', 'Castillo', 'Chowdhury', 'Costa', 'Dubois', 'Eriksen', 'Fernández',
  'Fischer', 'Gallagher', 'García', 'Haddad', 'Hoang', 'Ibrahim', 'Ivanova', 'Jansen', 'Kaur', 'Kim', 'Kowalski',
  'Larsen', 'Lindqvist', 'Mbeki', 'Moreau', 'Müller', 'Nakamura', 'Novak', 'Okafor', 'Oliveira', 'Park', 'Petrov',
  'Quispe', 'Rahman', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Singh', 'Tanaka', 'Torres', 'Umarov', 'Van Dijk',
  'Virtanen', 'Wagner', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Zielinski'
] as const

export const EMAIL_DOMAINS = [
  'gmail.com', 'outlook.com', 'yahoo.co.uk', 'proton.me', 'icloud.com', 'fastmail.fm', 'gmx.de', 'web.de', 'orange.fr',
  'libero.it', 'acme-corp.com', 'northwind.io', 'contoso.org', 'globex.net', 'initech.co', 'umbrella-health.com',
  'hooli.dev', 'piedpiper.app', 'stark-industries.biz', 'wayne-enterprises.com', 'aperture-labs.eu', 'tyrell.co.jp'
] as const

export const COMPANY_NAMES = [
  'Acme Corp', 'Northwind Traders', 'Contoso', 'Globex', 'Initech', 'Umbrella Health', 'Hooli', 'Pied Piper',
  'Stark Industries', 'Wayne Enterprises', 'Aperture Labs', 'Tyrell', 'Soylent', 'Vandelay Industries',
  'Wonka Confections', 'Gringotts', 'Oceanic Airlines', 'Cyberdyne', 'Massive Dynamic', 'Blue Sun'
] as const

export const PRODUCT_ADJECTIVES = [
  'Canvas', 'Linen', 'Merino', 'Recycled', 'Organic', 'Waxed', 'Leather', 'Bamboo', 'Ceramic', 'Walnut', 'Copper',
  'Enamel', 'Stoneware', 'Quilted', 'Insulated', 'Foldable', 'Heavyweight', 'Lightweight', 'Vintage', 'Classic'
] as const

export const PRODUCT_NOUNS = [
  'tote', 'backpack', 'shirt', 'scarf', 'beanie', 'mug', 'teapot', 'skillet', 'cutting board', 'lamp', 'candle',
  'notebook', 'pen set', 'water bottle', 'blanket', 'apron', 'planter', 'wallet', 'belt', 'rain jacket', 'socks',
  'desk organiser', 'bowl set', 'travel kit'
] as const

export const CATEGORY_AREAS = ['home', 'kitchen', 'outdoor', 'office', 'travel', 'garden', 'kids', 'pets', 'wellness', 'studio'] as const
export const CATEGORY_KINDS = ['bags', 'textiles', 'lighting', 'storage', 'tableware', 'apparel', 'accessories', 'tools', 'decor', 'stationery'] as const

export const SKU_PREFIXES = ['TOTE', 'MUG', 'SHRT', 'LAMP', 'BKPK', 'SCRF', 'BTL', 'NTBK', 'CNDL', 'SKLT', 'BLNK', 'APRN', 'PLNT', 'WLLT'] as const

export const CITIES = [
  'Lisbon', 'Nairobi', 'Osaka', 'Toronto', 'Lyon', 'Kraków', 'Austin', 'Melbourne', 'Bogotá', 'Tallinn', 'Accra',
  'Pune', 'Rotterdam', 'Seoul', 'Porto', 'Denver', 'Cork', 'Tbilisi'
] as const

export const METERS = ['api-calls', 'storage-gb', 'seats', 'build-minutes', 'emails-sent', 'sms', 'bandwidth-gb', 'webhooks'] as const
