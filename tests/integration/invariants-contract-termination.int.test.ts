import { describe, expect, it } from "vitest";
import { makeActiveContract } from "@/modules/contracts/testing/active-contract";
import { db } from "@/server/db";
import { check, refusal, WRITERS } from "./invariant-sql";

// A terminated contract names its ground (migration 20261215100000_contract_termination_ground,
// decision 0042), tried with raw SQL from the application's role and from the owner.

const TERMINATE = `UPDATE "Contract" SET status = 'TERMINATED', "terminatedAt" = now(), "terminatedById" = $2,
  "terminationReason" = 'Diputus lewat SQL.'`;

describe("the termination's ground in PostgreSQL", () => {
  it("refuses a terminated contract without a ground, and a ground on a running one", async () => {
    const { contract, ppk } = await makeActiveContract();
    for (const writer of WRITERS) {
      expect(await refusal(writer, `${TERMINATE} WHERE id = $1`, [contract.id, ppk.userId]), writer).toEqual(
        check("Contract_termination_ground"),
      );
      expect(
        await refusal(writer, `UPDATE "Contract" SET "terminationGround" = 'KEADAAN_KAHAR' WHERE id = $1`, [
          contract.id,
        ]),
        writer,
      ).toEqual(check("Contract_termination_ground"));
    }
    const withGround = `${TERMINATE}, "terminationGround" = 'LALAI_CIDERA_JANJI' WHERE id = $1`;
    expect(await refusal("app", withGround, [contract.id, ppk.userId])).toBeNull();
    expect(
      await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { terminationGround: true } }),
    ).toEqual({ terminationGround: "LALAI_CIDERA_JANJI" });
  });

  it("leaves the rows terminated before the ground was recorded unchecked (NOT VALID)", async () => {
    const [row] = await db.$queryRaw<{ convalidated: boolean }[]>`
      SELECT convalidated FROM pg_constraint WHERE conname = 'Contract_termination_ground'`;
    expect(row).toEqual({ convalidated: false });
  });
});
