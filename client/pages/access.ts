/**
 * The case the petitioner follows in this tab: its id and access code, kept
 * in sessionStorage (gone with the tab, never in the address or a cookie).
 */
const KEY = 'petitions.case';

export interface CaseAccess {
  id: string;
  accessCode: string;
}

export function rememberCase(access: CaseAccess): void {
  sessionStorage.setItem(KEY, JSON.stringify(access));
}

export function rememberedCase(): CaseAccess | undefined {
  const kept = sessionStorage.getItem(KEY);
  return kept ? (JSON.parse(kept) as CaseAccess) : undefined;
}

export function forgetCase(): void {
  sessionStorage.removeItem(KEY);
}
