/** Figures collected over rounds, printed as min / median / max. */

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** The p-th percentile (0–100) of a sample, nearest rank. */
export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

export const fmt = (v: number, digits?: number): string => {
  if (!Number.isFinite(v)) return "n/a";
  const d = digits ?? (Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2);
  return v.toFixed(d);
};

/** One named figure measured once per round. */
export class Figures {
  private readonly values = new Map<string, { unit: string; list: number[] }>();

  add(name: string, unit: string, value: number): void {
    const entry = this.values.get(name) ?? { unit, list: [] };
    entry.list.push(value);
    this.values.set(name, entry);
  }

  list(name: string): number[] {
    return this.values.get(name)?.list ?? [];
  }

  median(name: string): number {
    return median(this.list(name));
  }

  /** "min / median / max unit (n rounds)" of a figure. */
  line(name: string): string {
    const entry = this.values.get(name);
    if (!entry || entry.list.length === 0) return `${name}: n/a`;
    const l = entry.list;
    const unit = entry.unit ? ` ${entry.unit}` : "";
    return `${name}: ${fmt(Math.min(...l))} / ${fmt(median(l))} / ${fmt(Math.max(...l))}${unit} (min / median / max of ${l.length})`;
  }

  names(): string[] {
    return [...this.values.keys()];
  }
}
