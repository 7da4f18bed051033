export const CLICK_AFTER_MS: number;
export function freshCookie(cookie: string, variant: number): string;
