import { z } from "zod";

/**
 * What the source's ADMIN_LPSE gives when marking a tender as moved: where it now lives and
 * which bundle carried it. Pure. Messages are keys under errors.tenderTransfer.
 */
export const markTransferredSchema = z.object({
  code: z.string().trim().min(1, "tenderTransfer.codeRequired").max(100, "tenderTransfer.codeRequired"),
  destinationUrl: z
    .string()
    .trim()
    .max(500, "tenderTransfer.urlInvalid")
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0 && !url.username;
      } catch {
        return false;
      }
    }, "tenderTransfer.urlInvalid"),
  destinationName: z.string().trim().min(3, "tenderTransfer.nameRequired").max(200, "tenderTransfer.nameTooLong"),
  manifestSha256: z
    .string()
    .trim()
    .transform((v) => v.toLowerCase().replace(/^sha256:/, ""))
    .pipe(z.string().regex(/^[0-9a-f]{64}$/, "tenderTransfer.manifestInvalid")),
});
export type MarkTransferredInput = z.input<typeof markTransferredSchema>;

/** The message participants and the Pokja get: the tender goes on at its new home. */
export function transferredMessage(input: {
  code: string;
  name: string;
  destinationName: string;
  destinationUrl: string;
}) {
  return {
    kind: "tender.transferred",
    title: `Tender ${input.code} dipindahkan ke ${input.destinationName}`,
    body:
      `Tender ${input.code} (${input.name}) dipindahkan ke ${input.destinationName} dan berlanjut di sana: ` +
      `${input.destinationUrl}. Di portal ini tender tidak dapat diubah lagi; penawaran, pertanyaan dan ` +
      `sanggah diajukan di LPSE tujuan.`,
  };
}
