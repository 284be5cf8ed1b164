// Links handed to the system browser: public http(s) hosts only. Every
// numeric spelling of loopback, private, link-local and unique-local
// addresses, and local names, is refused with the reason.
import { describe, expect, it } from 'vitest';
import { classifyExternalUrl, ipv4Refusal, parseIpv6 } from './external-url.ts';

const refused = (url: string): string => {
  const v = classifyExternalUrl(url);
  if (v.ok) throw new Error(`${url} was accepted`);
  return v.reason;
};

describe('classifyExternalUrl', () => {
  it('accepts public http(s) links, canonicalised, naming their host', () => {
    expect(classifyExternalUrl('https://www.aljazeera.net/news/2021/7/26')).toEqual({
      ok: true,
      href: 'https://www.aljazeera.net/news/2021/7/26',
      host: 'www.aljazeera.net',
    });
    expect(classifyExternalUrl('HTTP://WWW.Rudaw.NET/arabic')).toMatchObject({
      ok: true,
      href: 'http://www.rudaw.net/arabic',
    });
    expect(classifyExternalUrl('https://example.com:8443/x')).toMatchObject({
      ok: true,
      host: 'example.com:8443',
    });
    expect(classifyExternalUrl('http://8.8.8.8/')).toMatchObject({ ok: true, host: '8.8.8.8' });
    expect(classifyExternalUrl('http://[2606:4700:4700::1111]/')).toMatchObject({ ok: true });
    // International names are shown in punycode, so look-alike letters cannot pass for another site.
    expect(classifyExternalUrl('https://مثال.إختبار/')).toMatchObject({
      ok: true,
      host: 'xn--mgbh0fb.xn--kgbechtv',
    });
  });

  it('refuses every spelling of loopback', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://127.1/',
      'http://127.255.255.254:8080/',
      'http://0x7f.0.0.1/',
      'http://0x7f000001/',
      'http://2130706433/',
      'http://0177.0.0.1/',
      'http://017700000001/',
      'http://127.0.0.1./',
      'http://[::1]/',
      'http://[0:0:0:0:0:0:0:1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:7f00:1]/',
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::127.0.0.1]/',
      'http://[2002:7f00:1::]/',
    ]) {
      expect(refused(url), url).toMatch(
        /loopback|IPv4-mapped|IPv4-compatible|NAT64|6to4 address of a loopback/,
      );
    }
  });

  it('refuses localhost and other local names', () => {
    expect(refused('http://localhost:5173/')).toBe('localhost is a local name (.localhost)');
    expect(refused('http://LOCALHOST/')).toMatch(/local name/);
    expect(refused('http://localhost./')).toMatch(/local name/);
    expect(refused('http://app.localhost/')).toMatch(/local name \(\.localhost\)/);
    expect(refused('http://a.b.localhost./')).toMatch(/local name/);
    expect(refused('http://printer.local/')).toMatch(/\.local\)/);
    expect(refused('http://nas.home.arpa/')).toMatch(/home\.arpa/);
    expect(refused('http://router.lan/')).toMatch(/\.lan\)/);
    expect(refused('http://metadata.google.internal/')).toMatch(/\.internal\)/);
    expect(refused('http://intranet/')).toMatch(/local name|no dot/);
    expect(refused('http://router/')).toBe('router is not a public host name (it has no dot)');
  });

  it('refuses private, shared, link-local and other non-public IPv4 ranges', () => {
    expect(refused('http://10.0.0.1/')).toMatch(/private/);
    expect(refused('http://172.16.0.1/')).toMatch(/private/);
    expect(refused('http://172.31.255.255/')).toMatch(/private/);
    expect(refused('http://192.168.1.1/')).toMatch(/private/);
    expect(refused('http://0xc0.0xa8.1.1/')).toMatch(/private/);
    expect(refused('http://100.64.0.1/')).toMatch(/shared/);
    expect(refused('http://169.254.169.254/latest/meta-data/')).toMatch(/link-local/);
    expect(refused('http://0.0.0.0/')).toMatch(/this network/);
    expect(refused('http://0/')).toMatch(/this network/);
    expect(refused('http://224.0.0.1/')).toMatch(/multicast/);
    expect(refused('http://255.255.255.255/')).toMatch(/broadcast/);
    expect(refused('http://198.18.0.1/')).toMatch(/benchmarking/);
    expect(refused('http://192.0.2.1/')).toMatch(/documentation/);
    // Just outside the private ranges is public.
    expect(classifyExternalUrl('http://172.32.0.1/').ok).toBe(true);
    expect(classifyExternalUrl('http://100.128.0.1/').ok).toBe(true);
    expect(classifyExternalUrl('http://11.0.0.1/').ok).toBe(true);
  });

  it('refuses link-local, unique-local and other non-global IPv6 addresses', () => {
    expect(refused('http://[fe80::1]/')).toMatch(/link-local/);
    expect(refused('http://[febf::1]/')).toMatch(/link-local/);
    expect(refused('http://[fc00::1]/')).toMatch(/unique local/);
    expect(refused('http://[fd12:3456:789a::1]/')).toMatch(/unique local/);
    expect(refused('http://[fec0::1]/')).toMatch(/site-local/);
    expect(refused('http://[ff02::1]/')).toMatch(/multicast/);
    expect(refused('http://[::]/')).toMatch(/unspecified/);
    expect(refused('http://[::ffff:192.168.0.1]/')).toMatch(/IPv4-mapped/);
    expect(refused('http://[::ffff:8.8.8.8]/')).toMatch(/IPv4-mapped/);
    expect(refused('http://[2001:db8::1]/')).toMatch(/documentation/);
    expect(refused('http://[2001:0:4136:e378::1]/')).toMatch(/Teredo/);
    expect(refused('http://[100::1]/')).toMatch(/discard/);
  });

  it('refuses other schemes, credentials and non-URLs', () => {
    expect(refused('javascript:alert(1)')).toMatch(/not javascript:/);
    expect(refused('file:///etc/passwd')).toMatch(/not file:/);
    expect(refused('app://stance/index.html')).toMatch(/not app:/);
    expect(refused('ftp://example.com/')).toMatch(/not ftp:/);
    expect(refused('mailto:someone@example.com')).toMatch(/not mailto:/);
    expect(refused('data:text/html,<b>x</b>')).toMatch(/not data:/);
    expect(refused('https://www.google.com@evil.example/')).toMatch(/user name or password/);
    expect(refused('https://user:pw@example.com/')).toMatch(/user name or password/);
    expect(refused('not a url')).toBe('it is not a valid URL');
    expect(refused('https://')).toBe('it is not a valid URL');
  });
});

describe('address parsing', () => {
  it('reads every IPv6 notation into eight groups', () => {
    expect(parseIpv6('::1')).toEqual([0, 0, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('1::')).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(parseIpv6('::ffff:127.0.0.1')).toEqual([0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]);
    expect(parseIpv6('1:2:3:4:5:6:1.2.3.4')).toEqual([1, 2, 3, 4, 5, 6, 0x102, 0x304]);
    expect(parseIpv6('2001:DB8:0:0:0:0:0:1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(parseIpv6('1::2::3')).toBeNull();
    expect(parseIpv6('1:2:3:4:5:6:7:8:9')).toBeNull();
    expect(parseIpv6('12345::')).toBeNull();
    expect(parseIpv6('::256.0.0.1')).toBeNull();
  });

  it('tells public IPv4 from the rest', () => {
    expect(ipv4Refusal([93, 184, 216, 34])).toBeNull();
    expect(ipv4Refusal([127, 0, 0, 1])).toBe('a loopback address');
  });
});
