"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A header link that tells assistive technology which page is open (aria-current). */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const isCurrent = href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      // no prefetch: the header's links would fetch their pages on every first visit of every page
      // (about 6 KB of the tender list's first visit; issue 14, page weight)
      prefetch={false}
      aria-current={isCurrent ? "page" : undefined}
      className="rounded px-2 py-1 text-slate-700 no-underline hover:bg-slate-100 hover:no-underline aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
    >
      {children}
    </Link>
  );
}
