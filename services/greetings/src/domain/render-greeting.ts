/** Fills every `{name}` in a template with the person's name. */
export function renderGreeting(template: string, name: string): string {
  return template.replaceAll('{name}', name)
}
