import type { ComponentProps, ReactNode } from "react";

/**
 * Wide tables scroll inside their own box on a phone. The box is focusable and labelled
 * so keyboard users can scroll it too (WCAG 2.1.1).
 */
export function Table({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="min-w-full divide-y divide-slate-200 text-left text-sm">
        <caption className="sr-only">{label}</caption>
        {children}
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope="col"
      className={`bg-slate-100 px-3 py-2 font-semibold whitespace-nowrap text-slate-700 ${className}`}
      {...props}
    />
  );
}

export function Td({ className = "", ...props }: ComponentProps<"td">) {
  return <td className={`px-3 py-2 align-top ${className}`} {...props} />;
}

/** The cell that names the row (tender code, paket name), read out with each cell. */
export function RowHeader({ className = "", ...props }: ComponentProps<"th">) {
  return <th scope="row" className={`px-3 py-2 text-left align-top font-medium ${className}`} {...props} />;
}
