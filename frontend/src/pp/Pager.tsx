/** Previous / next over a paged listing (pages from 0), with where we are. */
export function Pager({
  label,
  page,
  size,
  total,
  onPage,
}: {
  label: string;
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, size)));
  if (total <= size && page === 0) {
    return null;
  }
  return (
    <nav aria-label={label} className="pp-pager">
      <button type="button" className="secondary" disabled={page <= 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page + 1} of {pages} ({total} in all)
      </span>
      <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}
