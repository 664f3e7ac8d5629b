// Paged list calls of the Google clients, read with autoPaginate off (so every page is one
// call under our deadline and retry policy): page after page, up to a bound.

/** A list call's answer with autoPaginate off: the page's items, then the next page's request (none on the last). */
type ListPage<T> = [T[], { pageToken?: string | null } | null | undefined, ...unknown[]];

/** Every item of a paged list, reading at most `maxPages` pages; `page` reads the page a token names. */
export async function collectPages<T>(
  maxPages: number,
  page: (pageToken: string | undefined) => Promise<ListPage<T>>,
): Promise<T[]> {
  const items: T[] = [];
  let pageToken: string | undefined;
  for (let pages = 0; pages < maxPages; pages++) {
    const [pageItems, next] = await page(pageToken);
    items.push(...pageItems);
    pageToken = next?.pageToken ?? undefined;
    if (!pageToken) break;
  }
  return items;
}
