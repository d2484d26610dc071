/** The outcome of a form: a status line, or an alert with every problem listed. */
export function FormMessage({
  message,
  problems = [],
  testId,
}: {
  message: { ok: boolean; text: string } | null;
  problems?: string[];
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
      <p className="font-medium">{message.text}</p>
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
