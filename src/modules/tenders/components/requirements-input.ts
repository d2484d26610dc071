/**
 * The set-up form's FormData, named by path ("requirements.staff.0.position"), as the nested
 * object the action validates; the checked parts as a list. The server checks everything
 * again and names each refusal by the same path, so it lands beside its input.
 */
const UNSAFE = new Set(["__proto__", "constructor", "prototype"]);

export function toRequirementsInput(data: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = { bidParts: data.getAll("bidParts") };
  for (const [name, value] of data.entries()) {
    if (name === "bidParts") continue;
    const path = name.split(".");
    // only the form's own names: never an object's built-in keys
    if (path.some((segment) => UNSAFE.has(segment))) continue;
    let node = out;
    path.forEach((segment, i) => {
      if (i === path.length - 1) node[segment] = value;
      else node = (node[segment] ??= /^\d+$/.test(path[i + 1]!) ? [] : {}) as Record<string, unknown>;
    });
  }
  return out;
}
