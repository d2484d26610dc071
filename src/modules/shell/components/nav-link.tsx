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
      aria-current={isCurrent ? "page" : undefined}
      className="rounded px-2 py-1 text-slate-700 no-underline hover:bg-slate-100 hover:no-underline aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
    >
      {children}
    </Link>
  );
}
