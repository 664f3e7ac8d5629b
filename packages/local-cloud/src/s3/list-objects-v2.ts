// ListObjectsV2 for the local S3. s3rver builds V2 continuation tokens with DES, which
// OpenSSL 3 (Node 17+) no longer ships, so any truncated V2 listing fails with
// InternalError. The front therefore asks s3rver for the V1 listing (marker-based) and
// answers in V2 form, with its own opaque continuation tokens.

const TOKEN_PREFIX = 'v2:';

function encodeContinuationToken(lastKey: string): string {
  return Buffer.from(`${TOKEN_PREFIX}${lastKey}`, 'utf8').toString('base64url');
}

function decodeContinuationToken(token: string): string | undefined {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  return text.startsWith(TOKEN_PREFIX) ? text.slice(TOKEN_PREFIX.length) : undefined;
}

export interface V2Request {
  /** Path and query of the equivalent V1 request. */
  v1Url: string;
  continuationToken: string | undefined;
  startAfter: string | undefined;
}

/** Rewrites a V2 listing request as V1; undefined when the token is not one of ours. */
export function toV1Request(rawUrl: string): V2Request | undefined {
  const url = new URL(rawUrl, 'http://local');
  const query = url.searchParams;
  const continuationToken = query.get('continuation-token') ?? undefined;
  const startAfter = query.get('start-after') ?? undefined;
  let marker = startAfter;
  if (continuationToken) {
    marker = decodeContinuationToken(continuationToken);
    if (marker === undefined) return undefined;
  }
  const v1 = new URLSearchParams();
  for (const name of ['prefix', 'delimiter', 'max-keys', 'encoding-type']) {
    const value = query.get(name);
    if (value !== null) v1.set(name, value);
  }
  if (marker) v1.set('marker', marker);
  const search = v1.toString();
  return { v1Url: `${url.pathname}${search ? `?${search}` : ''}`, continuationToken, startAfter };
}

const escapeXml = (text: string): string => text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
const unescapeXml = (text: string): string =>
  text
    .replace(/&#(\d+);/g, (_all, code: string) => String.fromCharCode(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_all, code: string) => String.fromCharCode(Number.parseInt(code, 16)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Turns s3rver's V1 ListBucketResult into the V2 answer the SDK expects. */
export function toV2Body(v1Xml: string, request: V2Request): string {
  const keys = [...v1Xml.matchAll(/<Contents>[\s\S]*?<Key>([\s\S]*?)<\/Key>/g)].map((match) =>
    unescapeXml(match[1] ?? ''),
  );
  const prefixes = [...v1Xml.matchAll(/<CommonPrefixes>[\s\S]*?<Prefix>([\s\S]*?)<\/Prefix>/g)].map((match) =>
    unescapeXml(match[1] ?? ''),
  );
  const truncated = /<IsTruncated>true<\/IsTruncated>/.test(v1Xml);
  const nextMarkerMatch = /<NextMarker>([\s\S]*?)<\/NextMarker>/.exec(v1Xml);
  const lastEntry = [...keys, ...prefixes].sort().pop();
  const nextMarker = nextMarkerMatch ? unescapeXml(nextMarkerMatch[1] ?? '') : lastEntry;
  const v2Fields =
    (request.continuationToken
      ? `<ContinuationToken>${escapeXml(request.continuationToken)}</ContinuationToken>`
      : '') +
    (!request.continuationToken && request.startAfter
      ? `<StartAfter>${escapeXml(request.startAfter)}</StartAfter>`
      : '') +
    (truncated && nextMarker
      ? `<NextContinuationToken>${encodeContinuationToken(nextMarker)}</NextContinuationToken>`
      : '') +
    `<KeyCount>${keys.length + prefixes.length}</KeyCount>`;
  return v1Xml
    .replace(/<Marker>[\s\S]*?<\/Marker>|<Marker\/>/, '')
    .replace(/<NextMarker>[\s\S]*?<\/NextMarker>/, '')
    .replace(/(<\/Prefix>)/, `$1${v2Fields}`);
}
