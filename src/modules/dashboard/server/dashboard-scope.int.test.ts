import { describe, expect, it } from "vitest";
import { actorFor, makeActor, makeAgency, makePaket, makeUser } from "../../../../tests/factories";
import { db } from "@/server/db";
import { findPengadaanLangsungPakets, findPpkPakets } from "./find-agency-pakets";
import { findPokjaTenders } from "./find-pokja-tenders";
import { findVerificationQueue } from "./find-verification-queue";
import { getAdminAgencyOverview } from "./admin-agency-overview";

/** Tests here need a tender, not a procedure: any TENDER procedure row will do. */
const anyProcedure = () =>
  db.procedureConfig.upsert({
    where: { key: "uji-dasbor-tender" },
    create: {
      key: "uji-dasbor-tender",
      name: "Tender uji",
      method: "TENDER",
      stages: [{ kind: "PENGUMUMAN", days: 1 }],
      addendumMinBasis: "uji",
    },
    update: {},
    select: { id: true },
  });

describe("dashboard reads stay inside the actor's agency", () => {
  it("shows a PPK only their own agency's pakets", async () => {
    const [mine, other] = await Promise.all([makeAgency(), makeAgency()]);
    const ppk = await makeUser([{ role: "PPK", agencyId: mine.id }]);
    const own = await makePaket(mine, ppk.id);
    await makePaket(other, ppk.id);
    const rows = await findPpkPakets(actorFor(ppk));
    expect(rows.map((p) => p.id)).toEqual([own.id]);
  });

  it("shows a Pejabat Pengadaan only pengadaan langsung", async () => {
    const agency = await makeAgency();
    const pp = await makeUser([{ role: "PEJABAT_PENGADAAN", agencyId: agency.id }]);
    const pl = await makePaket(agency, pp.id);
    const tender = await makePaket(agency, pp.id);
    await db.paket.update({ where: { id: pl.id }, data: { method: "PENGADAAN_LANGSUNG" } });
    await db.paket.update({ where: { id: tender.id }, data: { method: "TENDER" } });
    expect((await findPengadaanLangsungPakets(actorFor(pp))).map((p) => p.id)).toEqual([pl.id]);
  });

  it("shows a Pokja member only the tenders of the Pokja they sit on", async () => {
    const agency = await makeAgency();
    const member = await makeUser([{ role: "POKJA", agencyId: agency.id }]);
    const [seated, otherPokja] = await Promise.all([
      db.pokja.create({ data: { agencyId: agency.id, name: "Pokja 1", members: { create: { userId: member.id } } } }),
      db.pokja.create({ data: { agencyId: agency.id, name: "Pokja 2" } }),
    ]);
    const [paket, procedure] = await Promise.all([makePaket(agency, member.id), anyProcedure()]);
    const mine = await db.tender.create({
      data: {
        paketId: paket.id,
        code: `T-${crypto.randomUUID()}`,
        method: "TENDER",
        procedureId: procedure.id,
        pokjaId: seated.id,
      },
    });
    await db.tender.create({
      data: {
        paketId: paket.id,
        code: `T-${crypto.randomUUID()}`,
        method: "TENDER",
        procedureId: procedure.id,
        pokjaId: otherPokja.id,
      },
    });
    expect((await findPokjaTenders(actorFor(member))).map((t) => t.id)).toEqual([mine.id]);
  });

  it("lists only the users of the administered agency", async () => {
    const [mine, other] = await Promise.all([makeAgency(), makeAgency()]);
    const admin = await makeUser([{ role: "ADMIN_AGENCY", agencyId: mine.id }]);
    const colleague = await makeUser([{ role: "PPK", agencyId: mine.id }]);
    const stranger = await makeUser([{ role: "PPK", agencyId: other.id }]);
    const [overview] = await getAdminAgencyOverview(actorFor(admin));
    const ids = overview!.users.map((u) => u.id);
    expect(ids).toEqual(expect.arrayContaining([admin.id, colleague.id]));
    expect(ids).not.toContain(stranger.id);
    expect(JSON.stringify(overview)).not.toContain("argon2");
  });

  it("refuses a read for a role the actor does not hold", async () => {
    const penyedia = await makeActor("PENYEDIA");
    await expect(findPpkPakets(penyedia)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(findVerificationQueue(penyedia)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("findVerificationQueue", () => {
  it("lists pending vendors oldest first", async () => {
    const vendor = (name: string, createdAt: Date, status: "PENDING" | "VERIFIED" = "PENDING") =>
      db.vendor.create({
        data: {
          name,
          businessForm: "CV",
          npwp: crypto.randomUUID(),
          nib: crypto.randomUUID(),
          address: "Jl. Uji",
          city: "Kota Uji",
          province: "Jawa Barat",
          email: "a@b.id",
          status,
          createdAt,
          // sent for verification when registered; a registration not sent is not in the queue
          submittedAt: createdAt,
        },
      });
    await vendor("Baru", new Date("2026-11-20T00:00:00Z"));
    await vendor("Lama", new Date("2026-11-01T00:00:00Z"));
    await vendor("Sudah", new Date("2026-10-01T00:00:00Z"), "VERIFIED");
    const queue = await findVerificationQueue(await makeActor("VERIFIKATOR"));
    expect(queue.total).toBe(2);
    expect(queue.vendors.map((v) => v.name)).toEqual(["Lama", "Baru"]);
  });
});
