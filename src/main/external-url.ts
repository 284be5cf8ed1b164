/**
 * Which links the desktop app may hand to the system browser. A page of the
 * app (or a hostile article) must not make the analyst's browser call
 * services on their own machine or network (routers, printers, dev servers,
 * cloud metadata at 169.254.169.254), so only http(s) links to public hosts
 * pass; everything else is refused with the reason. Pure: no Electron, no
 * DNS. A public name that resolves to a private address is not caught here;
 * the confirmation the analyst sees (external-links.ts) names the host.
 */

/**
 * A link that may be opened (canonicalised by the URL parser: `host` is
 * lower case, in punycode for international names, with any port), or why
 * it may not.
 */
export type ExternalUrlVerdict =
  { ok: true; href: string; host: string } | { ok: false; reason: string };

/**
 * Host names that never reach the public internet: RFC 6761 (`localhost`,
 * `invalid`, `test`), mDNS `local` (RFC 6762), `home.arpa` (RFC 8375),
 * ICANN's `internal`, and the names home and office routers use.
 */
const LOCAL_SUFFIXES = [
  'localhost',
  'localdomain',
  'local',
  'home.arpa',
  'internal',
  'intranet',
  'invalid',
  'test',
  'lan',
  'home',
  'corp',
  'private',
];

/** Classifies `input` (see the module comment). */
export function classifyExternalUrl(input: string): ExternalUrlVerdict {
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    return { ok: false, reason: 'it is not a valid URL' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return {
      ok: false,
      reason: `only http and https links open in the browser, not ${u.protocol}`,
    };
  if (u.username !== '' || u.password !== '')
    return { ok: false, reason: 'links with a user name or password are not opened' };
  const host = u.hostname;
  const why = host.startsWith('[') ? ipv6Refusal(host.slice(1, -1)) : hostRefusal(host);
  if (why) return { ok: false, reason: `${host} is ${why}` };
  return { ok: true, href: u.href, host: u.host };
}

function hostRefusal(hostname: string): string | null {
  // The URL parser has already turned every numeric IPv4 form (127.1,
  // 0x7f.0.0.1, 2130706433, 0177.0.0.1) into dotted decimal.
  const v4 = parseIpv4(hostname);
  if (v4) return ipv4Refusal(v4);
  const name = hostname.replace(/\.+$/, '');
  if (name === '') return 'not a host name';
  for (const suffix of LOCAL_SUFFIXES) {
    if (name === suffix || name.endsWith(`.${suffix}`)) return `a local name (.${suffix})`;
  }
  if (!name.includes('.')) return 'not a public host name (it has no dot)';
  return null;
}

function parseIpv4(s: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** Why an IPv4 address is not public, or null when it is. */
export function ipv4Refusal([a, b, c]: number[]): string | null {
  if (a === undefined || b === undefined || c === undefined) return 'not an address';
  if (a === 0) return 'a "this network" address (0.0.0.0/8)';
  if (a === 127) return 'a loopback address';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168))
    return 'a private network address';
  if (a === 100 && b >= 64 && b <= 127) return 'a shared (carrier-grade NAT) address';
  if (a === 169 && b === 254) return 'a link-local address';
  if (a === 192 && b === 0 && c === 0) return 'a reserved protocol address (192.0.0.0/24)';
  if ((a === 192 && b === 0 && c === 2) || (a === 198 && b === 51 && c === 100))
    return 'a documentation address';
  if (a === 203 && b === 0 && c === 113) return 'a documentation address';
  if (a === 192 && b === 88 && c === 99) return 'a 6to4 relay address';
  if (a === 198 && (b === 18 || b === 19)) return 'a benchmarking address (198.18.0.0/15)';
  if (a >= 224 && a <= 239) return 'a multicast address';
  if (a >= 240) return 'a reserved or broadcast address';
  return null;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
export function parseIpv6(s: string): number[] | null {
  let text = s;
  const tail: number[] = [];
  const dotted = /:(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})$/.exec(text);
  if (dotted) {
    const v4 = parseIpv4(dotted[1]!);
    if (!v4) return null;
    tail.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
    // Keep the prefix up to the address, dropping its last ':' unless it is '::'.
    text = text.slice(0, dotted.index + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return null;
  const given = head.length + rest.length + tail.length;
  if (halves.length === 1 ? given !== 8 : given > 7) return null;
  return [...head, ...new Array<number>(8 - given).fill(0), ...rest, ...tail];
}

/** Why an IPv6 address (without brackets) is not public, or null when it is. */
export function ipv6Refusal(s: string): string | null {
  const g = parseIpv6(s);
  if (!g) return 'not an IPv6 address';
  const [g0, g1, g2, g3, g4, g5, , g7] = g as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const zeroTo = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return 'the unspecified address';
  if (zeroTo(7) && g7 === 1) return 'a loopback address';
  if (zeroTo(5) && g5 === 0xffff) return 'an IPv4-mapped address';
  if (zeroTo(4) && g4 === 0xffff && g5 === 0) return 'an IPv4-translated address';
  if (zeroTo(6)) return 'an IPv4-compatible address';
  if (g0 === 0x64 && g1 === 0xff9b) return 'a NAT64 address';
  if ((g0 & 0xfe00) === 0xfc00) return 'a unique local address';
  if ((g0 & 0xffc0) === 0xfe80) return 'a link-local address';
  if ((g0 & 0xffc0) === 0xfec0) return 'a site-local address';
  if ((g0 & 0xff00) === 0xff00) return 'a multicast address';
  if (g0 === 0x100 && g1 === 0 && g2 === 0 && g3 === 0) return 'a discard address';
  if (g0 === 0x2001 && g1 === 0xdb8) return 'a documentation address';
  if ((g0 & 0xfff0) === 0x3ff0) return 'a documentation address';
  if (g0 === 0x2001 && g1 === 0) return 'a Teredo tunnel address';
  if (g0 === 0x2002) {
    const v4 = [g1 >> 8, g1 & 0xff, g2 >> 8, g2 & 0xff];
    const inner = ipv4Refusal(v4);
    if (inner) return `a 6to4 address of ${inner}`;
  }
  if ((g0 & 0xe000) !== 0x2000) return 'not a global unicast address';
  return null;
}
