import { describe, expect, it } from "vitest";
import { combineShares, openingThreshold, shareIndexOf, splitSecret } from "./shamir";
import { generateX25519, publicKeyOf } from "./x25519";

/** Every subset of `size` elements of `items`. */
function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

describe("openingThreshold", () => {
  it.each([
    [2, 2],
    [3, 2],
    [4, 3],
    [5, 3],
    [7, 4],
  ])("a Pokja of %i needs %i", (n, k) => expect(openingThreshold(n)).toBe(k));
});

describe("Shamir split and combine of an X25519 private key", () => {
  it.each([
    [3, 2],
    [5, 3],
  ])("%i shares, threshold %i: any k recombine, k-1 do not", async (n, k) => {
    const { privateKey, publicKey } = generateX25519();
    const shares = await splitSecret(privateKey, n, k);
    expect(new Set(shares.map(shareIndexOf)).size).toBe(n);
    for (const chosen of subsets(shares, k)) {
      const key = await combineShares(chosen);
      expect(key.equals(privateKey)).toBe(true);
      expect(publicKeyOf(key).equals(publicKey)).toBe(true);
    }
    for (const chosen of subsets(shares, k - 1)) {
      // one share alone cannot even be combined; two of a 3-of-5 give a wrong key
      const result = await combineShares(chosen).catch(() => null);
      expect(result === null || !result.equals(privateKey)).toBe(true);
    }
  });

  it("refuses a threshold below 2 or above the number of shares", async () => {
    const { privateKey } = generateX25519();
    await expect(splitSecret(privateKey, 3, 1)).rejects.toThrow();
    await expect(splitSecret(privateKey, 3, 4)).rejects.toThrow();
  });
});
