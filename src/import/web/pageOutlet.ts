/**
 * The name of the outlet that published a page, from where the page states its site's own name,
 * most explicit first: the JSON-LD publisher, `og:site_name`, the site the article is part of,
 * `application-name`, the part every title of the site repeats after the headline
 * ("Headline - The Daily Example"); else the host of its address. Undefined only when the page
 * states no name and has no address.
 */

/** Where a page may state its site's name, as read from its metadata. */
export interface OutletClues {
  siteName?: string | undefined;
  publisher?: string | undefined;
  /** The JSON-LD `isPartOf` of the article, or the page's `WebSite` node. */
  partOf?: string | undefined;
  applicationName?: string | undefined;
  /** The page's `<title>` and the other titles it gives (`og:title`, `twitter:title`). */
  titles: string[];
  /** The headline as the article or the page shows it, without the site. */
  headline?: string | undefined;
  /** The page's canonical address, or where it was fetched from. */
  address?: string | undefined;
}

/** The separators a title puts between the headline, the section and the site: " - ", " | ", "_", " · ". */
const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s*[_|·•»:]{1,2}\s*|\s+::\s+/u;

/** Longest outlet name taken from a title: beyond this, the part is a second headline or a tagline. */
const LONGEST_NAME_WORDS = 6;

const letters = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

const squeeze = (text: string | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

/**
 * What a title adds to the headline at its end or start ("Headline | Section | Site"), as the parts
 * between its separators, the site's last; undefined when the title is not the headline and more.
 */
export function partsAroundHeadline(title: string, headline: string): string[] | undefined {
  const wanted = letters(headline);
  if (!wanted) return undefined;
  const parts = title.split(TITLE_SEPARATOR).map((part) => part.trim());
  for (let cut = 1; cut < parts.length; cut += 1) {
    if (letters(parts.slice(0, cut).join(' ')) === wanted) return parts.slice(cut).filter(Boolean);
    if (letters(parts.slice(cut).join(' ')) === wanted) return parts.slice(0, cut).filter(Boolean).reverse();
  }
  return undefined;
}

/** The site's name as the titles show it after (or before) the headline, when they agree. */
function nameFromTitles(titles: readonly string[], headline: string | undefined): string | undefined {
  if (!headline) return undefined;
  for (const title of titles) {
    const parts = partsAroundHeadline(title, headline);
    const site = parts?.at(-1);
    if (site && site.split(/\s+/).length <= LONGEST_NAME_WORDS && !/^\d+$/.test(site)) return site;
  }
  return undefined;
}

/** "www.example.co.uk" for "https://www.example.co.uk/a/b", without "www.", "m." or "amp.". */
function hostOf(address: string | undefined): string | undefined {
  if (!address) return undefined;
  try {
    const { hostname, protocol } = new URL(address);
    if (!/^https?:$/.test(protocol) || /^(?:localhost|[\d.]+|\[[\d:a-f]+\])$/i.test(hostname)) return undefined;
    return hostname.replace(/^(?:www\d?|m|amp|mobile)\./, '');
  } catch {
    return undefined;
  }
}

/** The first label of a host that names the site: "example" in "news.example.co.uk". */
function hostWords(host: string): string[] {
  return host.split('.').filter((label) => label.length > 2 && !/^(?:com|org|net|co|www|news)$/.test(label));
}

/**
 * "Example.cz - the news as it happens": a site name followed by its tagline, the name alone when
 * its first part names the host.
 */
function withoutTagline(name: string, host: string | undefined): string {
  const [first, ...rest] = name.split(/\s+[|–—-]\s+/u);
  if (rest.length === 0 || !host) return name;
  const named = letters(first!);
  return hostWords(host).some((word) => named.includes(letters(word))) ? first!.trim() : name;
}

/** A name stated where a page is not sure of it (an `application-name` that is the headline) is passed over. */
function isSiteName(name: string | undefined, headline: string | undefined): name is string {
  if (!name) return false;
  const named = letters(name);
  return named.length > 0 && named !== letters(headline ?? '');
}

export function outletOfPage(clues: OutletClues): string | undefined {
  const host = hostOf(clues.address);
  const titles = clues.titles.map((title) => title.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const fromTitles = nameFromTitles(titles, clues.headline);
  const stated = [clues.publisher, clues.siteName, clues.partOf, clues.applicationName]
    .map(squeeze)
    .filter((name) => isSiteName(name, clues.headline));
  // "HeraldSun" in the metadata, "Herald Sun" in the titles readers see: the name as readers see it.
  if (fromTitles && stated.some((name) => letters(name) === letters(fromTitles))) return fromTitles;
  const name = stated[0] ?? fromTitles ?? host;
  if (!name) return undefined;
  return withoutTagline(name, host);
}
