import Link from "next/link";

/**
 * Pages of a list read newest first down an index (the audit trail, an access log): "newest"
 * goes back to the first page, "older" continues below the last row shown, so a page deep
 * in a million rows costs what the first does. `query` is the rest of the address (the
 * filters), kept on both links; `param` carries the cursor.
 */
export function KeysetPager(props: {
  basePath: string;
  query: URLSearchParams;
  olderThan: string | null;
  isFirst: boolean;
  labels: { nav: string; newest: string; older: string };
  param?: string;
}) {
  const param = props.param ?? "before";
  if (props.isFirst && !props.olderThan) return null;
  const href = (olderThan: string | null) => {
    const query = new URLSearchParams(props.query);
    query.delete(param);
    if (olderThan) query.set(param, olderThan);
    const text = query.toString();
    return text ? `${props.basePath}?${text}` : props.basePath;
  };
  return (
    <nav aria-label={props.labels.nav} className="flex justify-between gap-3 text-sm">
      {props.isFirst ? <span aria-hidden="true" /> : <Link href={href(null)}>{props.labels.newest}</Link>}
      {props.olderThan ? (
        <Link href={href(props.olderThan)} rel="next">
          {props.labels.older}
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}
