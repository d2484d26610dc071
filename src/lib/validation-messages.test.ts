import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "@/i18n/messages/en/errors.json";
import id from "@/i18n/messages/id/errors.json";
import { productErrorMap } from "./validation-messages";

const translators = {
  id: createTranslator({ locale: "id", messages: { errors: id }, namespace: "errors" }),
  en: createTranslator({ locale: "en", messages: { errors: en }, namespace: "errors" }),
};

/** The message a user reads for `input`, parsed the way the action wrapper parses. */
function messageFor(schema: z.ZodType, input: unknown, locale: "id" | "en" = "id"): string {
  const t = translators[locale];
  const parsed = schema.safeParse(input, { error: productErrorMap((key, values) => t(key as never, values as never)) });
  if (parsed.success) throw new Error(`accepted ${String(input)}`);
  return parsed.error.issues[0]!.message;
}

/** Every text of a messages file as a pattern ({minimum} stands for any figure). */
function productTexts(messages: object): RegExp[] {
  return Object.values(messages).flatMap((value) =>
    typeof value === "string"
      ? [new RegExp(`^${value.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{\w+\}/g, ".+")}$`)]
      : productTexts(value as object),
  );
}

describe("productErrorMap", () => {
  it("says what the product says, not what zod says (the paket form's fields)", () => {
    expect(messageFor(z.coerce.number().int(), "abc")).toBe("Isi dengan angka.");
    expect(messageFor(z.coerce.number().int(), "abc", "en")).toBe("Enter a number.");
    expect(messageFor(z.string().trim().min(1), "   ")).toBe("Wajib diisi.");
    expect(messageFor(z.string().min(1), undefined)).toBe("Wajib diisi.");
    expect(messageFor(z.string().trim().min(3), "ab")).toBe("Sekurang-kurangnya 3 karakter.");
    expect(messageFor(z.string().max(50), "x".repeat(51))).toBe("Paling banyak 50 karakter.");
    expect(messageFor(z.string().max(50), "x".repeat(51), "en")).toBe("At most 50 characters.");
    expect(messageFor(z.coerce.number().int().min(2018), "2017")).toBe("Paling kecil 2018.");
    expect(messageFor(z.coerce.number().int().max(2100), "2101")).toBe("Paling besar 2100.");
    expect(messageFor(z.number().positive(), 0)).toBe("Harus lebih dari 0.");
    expect(messageFor(z.array(z.string()).min(1), [])).toBe("Pilih atau isi sekurang-kurangnya 1.");
    expect(messageFor(z.array(z.string()).max(2), ["a", "b", "c"])).toBe("Paling banyak 2 isian.");
  });

  it("calls an empty choice required and a wrong one not on the list", () => {
    expect(messageFor(z.enum(["BARANG", "KONSTRUKSI"]), "")).toBe("Wajib diisi.");
    expect(messageFor(z.enum(["BARANG", "KONSTRUKSI"]), "KAPAL")).toBe("Pilih salah satu dari daftar.");
    expect(messageFor(z.uuid(), "")).toBe("Wajib diisi.");
    expect(messageFor(z.uuid(), "not-an-id")).toBe("Pilih salah satu dari daftar.");
    expect(messageFor(z.email(), "nama@", "en")).toBe(en.emailInvalid);
  });

  it("keeps a schema's own message key", () => {
    expect(messageFor(z.string().min(1, { message: "fieldRequired" }), "")).toBe("fieldRequired");
  });

  it("answers every kind of problem with a text from the product's messages in both languages", () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.object({ a: z.string() }).strict(), { a: "x", b: 1 }],
      [z.union([z.string(), z.number()]), true],
      [z.date(), "kemarin"],
      [z.iso.date(), "31-12-2025"],
      [z.string().regex(/^\d+$/), "12a"],
      [z.number().multipleOf(5), 7],
      [z.bigint().max(10n), 11n],
      [z.string().refine((v) => v === "ok"), "no"],
      [z.boolean(), "ya"],
      [z.literal("on"), "off"],
    ];
    for (const locale of ["id", "en"] as const) {
      const ours = productTexts(locale === "id" ? id : en);
      for (const [schema, input] of schemas) {
        const message = messageFor(schema, input, locale);
        expect(
          ours.some((text) => text.test(message)),
          `${locale}: ${message}`,
        ).toBe(true);
      }
    }
  });
});
