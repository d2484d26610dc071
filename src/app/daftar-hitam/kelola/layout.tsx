import type { ReactNode } from "react";
import { ClientMessages } from "@/i18n/client-messages-provider";

// This folder's client components get their messages only (src/i18n/client-messages.ts).
export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages route="daftar-hitam/kelola">{children}</ClientMessages>;
}
