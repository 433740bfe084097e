/**
 * Who is at the keyboard: the clerk's name (submissions, answers) and the reviewer's name and role,
 * remembered in this browser so they are typed once. Not part of any draft. Storage may be refused
 * (private mode): then the names live for this page only.
 */
const KEYS = { clerk: 'gov-report.clerkName', reviewerName: 'gov-report.reviewerName', reviewerRole: 'gov-report.reviewerRole' } as const;
export type PersonField = keyof typeof KEYS;

const memory = new Map<PersonField, string>();

export function rememberedName(field: PersonField): string {
  try {
    return window.localStorage.getItem(KEYS[field]) ?? '';
  } catch {
    return memory.get(field) ?? '';
  }
}

export function rememberName(field: PersonField, value: string): void {
  try {
    window.localStorage.setItem(KEYS[field], value);
  } catch {
    // Only this page remembers it.
    memory.set(field, value);
  }
}
