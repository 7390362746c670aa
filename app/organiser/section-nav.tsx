import Link from "next/link";

/**
 * The links between the pages of one organiser section (the August meeting's console, the
 * registrations), after a link back to /organiser; the current page is marked for assistive
 * technology.
 */
export function SectionNav({
  label,
  home,
  pages,
  current,
  className = "",
}: {
  label: string;
  home: string;
  pages: readonly { href: string; key: string; text: string }[];
  current: string;
  className?: string;
}) {
  return (
    <nav aria-label={label} className={`mt-3 flex flex-wrap gap-2 text-sm ${className}`}>
      <Link href="/organiser" className="rounded-md px-3 py-1.5 text-slate-700 hover:text-brand-700">
        {home}
      </Link>
      {pages.map((p) => (
        <Link
          key={p.key}
          href={p.href}
          aria-current={p.key === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 font-medium ${
            p.key === current ? "bg-brand-700 text-white" : "border border-slate-300 bg-white hover:border-brand-600"
          }`}
        >
          {p.text}
        </Link>
      ))}
    </nav>
  );
}
