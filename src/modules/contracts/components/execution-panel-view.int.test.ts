import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/i18n/messages";
import { db, dbNow } from "@/server/db";
import { makeActiveContract } from "../testing/active-contract";
import { getExecutionView } from "../server/get-execution-view";
import { recordBast } from "../server/record-bast";
import { reportProgress } from "../server/report-progress";
import { terminateContract } from "../server/terminate-contract";
import { ExecutionPanelView } from "./execution-panel-view";

const TERMIN = {
  description: true,
  dueOn: true,
  id: true,
  position: true,
  percentBp: true,
  amount: true,
  progressPercent: true,
  progressReportedAt: true,
  bastNumber: true,
  bastAt: true,
  paidAmount: true,
  paidAt: true,
  paymentReference: true,
} as const;

async function render(contractId: string, view: Awaited<ReturnType<typeof getExecutionView>>) {
  const termins = await db.contractTermin.findMany({
    where: { contractId },
    orderBy: { position: "asc" },
    select: TERMIN,
  });
  const messages = await loadMessages("id");
  return renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale: "id",
      messages,
      timeZone: "Asia/Jakarta",
      children: createElement(ExecutionPanelView, {
        contractId,
        termins,
        view,
        timeZone: "Asia/Jakarta",
        locale: "id",
        today: "2026-12-07",
      }),
    }),
  );
}

describe("the execution panel", () => {
  it("gives the vendor the progress form and the PPK the BAST, payment, addendum and termination forms", async () => {
    const { contract, vendor, ppk } = await makeActiveContract();
    const forVendor = await render(contract.id, await getExecutionView(vendor, contract.id, "vendor"));
    expect(forVendor).toContain("Laporkan kemajuan");
    for (const other of ["Catat BAST", "Catat pembayaran", "Catat adendum", "Putuskan kontrak", "Simpan penilaian"])
      expect(forVendor).not.toContain(other);

    await reportProgress(vendor, { contractId: contract.id, position: 1, percent: 40, note: "Struktur selesai." });
    const today = (await dbNow()).toISOString().slice(0, 10);
    await recordBast(ppk, { contractId: contract.id, position: 1, bastNumber: "BAST/UJI/1", bastOn: today });
    const forPpk = await render(contract.id, await getExecutionView(ppk, contract.id, "ppk"));
    expect(forPpk).toContain("BAST/UJI/1");
    expect(forPpk).toContain("Nomor BAST termin 2");
    expect(forPpk).toContain("Jumlah dibayar untuk termin 1");
    expect(forPpk).toContain("Catat adendum");
    expect(forPpk).toContain("Putuskan kontrak");
    expect(forPpk).toContain("Pilih dasar pemutusan");
    expect(forPpk).toContain("Keadaan kahar</option>");
    expect(forPpk).toContain("Rp1.100.000.000"); // the addendum ceiling: the original + 10%
    expect(forPpk).not.toContain("Laporkan kemajuan");
  });

  it("shows a terminated contract's ground above the explanation, to both sides", async () => {
    const { contract, vendor, ppk } = await makeActiveContract();
    const reason = "Banjir bandang menghanyutkan lokasi pekerjaan.";
    await terminateContract(ppk, { contractId: contract.id, ground: "KEADAAN_KAHAR", reason });
    for (const [actor, side] of [
      [ppk, "ppk"],
      [vendor, "vendor"],
    ] as const) {
      const html = await render(contract.id, await getExecutionView(actor, contract.id, side));
      expect(html).toContain("Dasar pemutusan: Keadaan kahar");
      expect(html.indexOf("Dasar pemutusan: Keadaan kahar")).toBeLessThan(html.indexOf(reason));
      expect(html).not.toContain("Pilih dasar pemutusan");
      // force majeure is no one's fault: no bond claimed, no daftar hitam decision
      expect(html).not.toContain("Jaminan pelaksanaan sebesar");
      expect(html).not.toContain("daftar hitam");
    }
  });

  it("shows both sides the bond claimed and the daftar hitam decision after a termination for the vendor's fault", async () => {
    const { contract, vendor, ppk } = await makeActiveContract();
    await terminateContract(ppk, {
      contractId: contract.id,
      ground: "LALAI_CIDERA_JANJI",
      reason: "Tiga surat teguran tidak ditanggapi.",
    });
    for (const [actor, side] of [
      [ppk, "ppk"],
      [vendor, "vendor"],
    ] as const) {
      const html = await render(contract.id, await getExecutionView(actor, contract.id, side));
      // the fixture's bond: 5% of Rp1.000.000.000
      expect(html).toContain("Jaminan pelaksanaan sebesar Rp50.000.000 dicairkan");
      expect(html).toContain("PA/KPA diberi tahu untuk memutuskan daftar hitam");
    }
  });

  it("a vendor that is not the contract's sees nothing of it", async () => {
    const { contract } = await makeActiveContract();
    const other = await makeActiveContract();
    await expect(getExecutionView(other.vendor, contract.id, "vendor")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
