/** A whole-number setting from the environment, its fallback when unset, refused with its name when out of range. */
export function intSetting(
  env: Record<string, string | undefined>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name}=${raw} is not a whole number from ${min} to ${max}.`);
  return n;
}
