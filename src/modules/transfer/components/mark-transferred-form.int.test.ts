import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { MarkTransferredForm } from "./mark-transferred-form";

describe("the mark-as-moved form renders", () => {
  it.each(["id", "en"] as const)(
    "in %s, with its fields and the last export's manifest hash filled in",
    async (locale) => {
      const messages = await loadMessages(locale);
      const html = renderToStaticMarkup(
        createElement(NextIntlClientProvider, {
          locale,
          messages,
          timeZone: "Asia/Jakarta",
          children: createElement(MarkTransferredForm, { code: "T-UJI-1", manifestSha256: "ab".repeat(32) }),
        }),
      );
      for (const name of ["code", "destinationName", "destinationUrl", "manifestSha256"])
        expect(html).toContain(`name="${name}"`);
      expect(html).toContain(`value="${"ab".repeat(32)}"`);
      expect(html).toContain(locale === "id" ? "Tandai dipindahkan" : "Mark as moved");
      expect(html).not.toContain("transfer.export");
    },
  );
});
