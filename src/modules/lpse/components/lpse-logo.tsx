/** The LPSE's logo from its long-cached route; nothing when there is none. */
export function LpseLogo({
  url,
  alt,
  className = "h-10 w-auto",
}: {
  url: string | null;
  alt: string;
  className?: string;
}) {
  // eslint-disable-next-line @next/next/no-img-element -- a small fixed logo; next/image would add a resize route
  return url ? <img src={url} alt={alt} className={className} /> : null;
}
