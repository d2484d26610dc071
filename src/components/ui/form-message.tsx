/**
 * The outcome of a form, said once for the whole form: a confirmation (role status) or an
 * error (role alert), with every problem listed when the server named several.
 */
export function FormMessage({
  message,
  problems = [],
  testId,
}: {
  message: { ok: boolean; text: string } | null;
  problems?: readonly string[];
  /** names the error only (a spec waits for it to go) */
  testId?: string;
}) {
  if (!message) return null;
  if (message.ok)
    return (
      <p role="status" className="text-sm text-green-800">
        {message.text}
      </p>
    );
  return (
    <div
      role="alert"
      data-testid={testId}
      className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900"
    >
      <p className={problems.length ? "font-medium" : undefined}>{message.text}</p>
      {problems.length ? (
        <ul className="mt-1 list-disc pl-5">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
