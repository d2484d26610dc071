"use client";

/**
 * Last resort when the root layout itself fails (for example the database is down), so
 * no translations or styles can be relied on: both languages, inline styles, no details.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <html lang="id">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "3rem auto", padding: "0 1rem" }}>
        {/* the root layout's metadata went with it, and a page needs a title (WCAG 2.4.2); React puts it in the head */}
        <title>Terjadi kesalahan · Segel</title>
        <h1>Terjadi kesalahan</h1>
        <p>Layanan sedang tidak dapat ditampilkan. Coba lagi sebentar lagi.</p>
        <p lang="en">Something went wrong. Please try again in a moment.</p>
        {digest ? <p>Ref: {digest}</p> : null}
        <button type="button" onClick={() => retry()}>
          Coba lagi / Try again
        </button>
      </body>
    </html>
  );
}
