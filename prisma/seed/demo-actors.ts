import type { PrismaClient } from "../../src/generated/prisma/client";
import type { Actor } from "../../src/modules/auth/domain/permissions";

/** A demo user as the session would make them an Actor, so the seed calls use cases as that person. */
export async function actorOf(db: PrismaClient, email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({
    where: { email },
    select: {
      id: true,
      name: true,
      email: true,
      vendorId: true,
      memberships: { select: { role: true, agencyId: true } },
    },
  });
  return {
    userId: user.id,
    name: user.name,
    email: user.email,
    memberships: user.memberships,
    vendorId: user.vendorId,
    sessionId: null,
    ip: null,
    userAgent: "segel demo seed",
    locale: "id",
  };
}

/** A small valid PDF carrying one line of text, for the demo's documents and bid files. */
export function demoPdf(text: string): Buffer {
  const line = text.replace(/[()\\]/g, "").replace(/[^\x20-\x7e]/g, "?");
  const stream = `BT /F1 11 Tf 56 780 Td (${line}) Tj ET`;
  const objects = [
    "<</Type/Catalog/Pages 2 0 R>>",
    "<</Type/Pages/Kids[3 0 R]/Count 1>>",
    "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents 5 0 R>>",
    "<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>",
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj${o}endobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}
