/** Badge colours by participant category (print-safe, distinct in greyscale too). Pure. */
export const CATEGORY_COLOURS: Record<string, string> = {
  COLLEGE_LEADERSHIP: "#1e3a8a",
  TEACHER: "#15803d",
  STUDENT: "#0891b2",
  EMPLOYER: "#b45309",
  REGIONAL_AUTHORITY: "#7f1d1d",
  EXPERT: "#6d28d9",
  MEDIA: "#be185d",
  INTERNATIONAL_GUEST: "#0f766e",
  OTHER: "#475569",
};

export const categoryColour = (category: string): string => CATEGORY_COLOURS[category] ?? CATEGORY_COLOURS.OTHER!;

/** Where badge i goes on an A4 sheet of four A6 badges (2 × 2), in points. */
export function badgeSlot(i: number, sheet: { width: number; height: number }) {
  const w = sheet.width / 2;
  const h = sheet.height / 2;
  const n = i % 4;
  return { page: Math.floor(i / 4), x: (n % 2) * w, y: Math.floor(n / 2) * h, w, h };
}

export const BADGE_LIMIT = 2000;
