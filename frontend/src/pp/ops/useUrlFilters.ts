import { useSearchParams } from 'react-router-dom';

/**
 * Filters and page of a listing kept in the URL, so a search can be reloaded, bookmarked and
 * sent to a colleague. Blank filters are left out; a new search starts at page 0.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(keys.map((key) => [key, params.get(key) ?? ''])) as Record<K, string>;
  const page = Math.max(0, Number.parseInt(params.get('page') ?? '0', 10) || 0);

  function apply(next: Record<K, string>) {
    const fresh = new URLSearchParams();
    for (const key of keys) {
      const value = next[key]?.trim();
      if (value) {
        fresh.set(key, value);
      }
    }
    setParams(fresh);
  }

  function goToPage(nextPage: number) {
    const fresh = new URLSearchParams(params);
    if (nextPage > 0) {
      fresh.set('page', String(nextPage));
    } else {
      fresh.delete('page');
    }
    setParams(fresh);
  }

  return { filters, page, apply, goToPage };
}
