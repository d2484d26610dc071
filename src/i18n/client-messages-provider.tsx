import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { LAYOUT_CLIENT_MESSAGES, ROUTE_CLIENT_MESSAGES, type ClientMessagesRoute } from "./client-messages";
import { pickMessages } from "./pick-messages";

/**
 * Gives the client components below it the messages of one route folder only (or, with no
 * route, the root layout's). A provider replaces the one above it, so each route's list is
 * complete by itself.
 */
export async function ClientMessages({ route, children }: { route?: ClientMessagesRoute; children: ReactNode }) {
  const keys = route ? ROUTE_CLIENT_MESSAGES[route] : LAYOUT_CLIENT_MESSAGES;
  return <NextIntlClientProvider messages={pickMessages(await getMessages(), keys)}>{children}</NextIntlClientProvider>;
}
