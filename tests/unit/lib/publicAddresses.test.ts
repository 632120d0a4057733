import { describe, expect, it } from 'vitest';
import { isPublicAddress, LocalAddressError, publicLookup, refuseLocalHost } from '../../../src/lib/publicAddresses.ts';

/** Addresses on this machine, its private or link-local networks, or no host at all, with what each is. */
const NOT_PUBLIC: [string, string][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback, anywhere in 127/8'],
  ['::1', 'IPv6 loopback'],
  ['0.0.0.0', 'this host'],
  ['::', 'IPv6 unspecified'],
  ['10.0.0.1', 'private 10/8'],
  ['10.255.255.255', 'private 10/8, its last address'],
  ['172.16.0.1', 'private 172.16/12'],
  ['172.31.255.254', 'private 172.16/12, its last host'],
  ['192.168.1.1', 'private 192.168/16'],
  ['169.254.169.254', 'link-local: the cloud metadata endpoint'],
  ['169.254.0.1', 'link-local'],
  ['100.64.0.1', 'carrier-grade NAT 100.64/10'],
  ['100.127.255.254', 'carrier-grade NAT, its last host'],
  ['fc00::1', 'unique local fc00::/7'],
  ['fd12:3456:789a::1', 'unique local fd00::/8'],
  ['fe80::1', 'IPv6 link-local'],
  ['febf::1', 'IPv6 link-local, its last block'],
  ['fe80::1%eth0', 'IPv6 link-local with a zone'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:7f00:1', 'IPv4-mapped loopback, in hexadecimal'],
  ['::ffff:169.254.169.254', 'IPv4-mapped metadata endpoint'],
  ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata endpoint, in hexadecimal'],
  ['::ffff:10.1.2.3', 'IPv4-mapped private'],
  ['::ffff:192.168.0.1', 'IPv4-mapped private'],
  ['0:0:0:0:0:ffff:c0a8:0001', 'IPv4-mapped private, written out'],
  ['64:ff9b::a9fe:a9fe', 'NAT64 of the metadata endpoint'],
  ['::127.0.0.1', 'IPv4-compatible loopback (deprecated)'],
  ['224.0.0.1', 'multicast'],
  ['255.255.255.255', 'broadcast'],
  ['ff02::1', 'IPv6 multicast'],
  ['not an address', 'not an address at all'],
];

const PUBLIC = [
  '93.184.215.14',
  '8.8.8.8',
  '172.32.0.1', // just past 172.16/12
  '100.128.0.1', // just past 100.64/10
  '169.255.0.1',
  '11.0.0.1',
  '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
];

describe('which addresses an untrusted fetch may reach', () => {
  it.each(NOT_PUBLIC)('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(PUBLIC)('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses a URL whose host is written as such an address, however it is written', () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::ffff:a9fe:a9fe]/latest/meta-data/',
      'http://169.254.169.254/latest/meta-data/',
    ])
      expect(() => refuseLocalHost(new URL(url)), url).toThrow(LocalAddressError);
    expect(() => refuseLocalHost(new URL('https://example.org/'))).not.toThrow();
    expect(() => refuseLocalHost(new URL('http://93.184.215.14/'))).not.toThrow();
  });

  it('refuses a host name that resolves to this machine, in both forms of a lookup', async () => {
    const lookup = (all: boolean) =>
      new Promise<unknown>((resolve, reject) =>
        publicLookup('localhost', { all }, (error, address) => (error ? reject(error) : resolve(address))),
      );
    await expect(lookup(false)).rejects.toThrow(
      /localhost \((127\.0\.0\.1|::1)\) is on this machine or a private network/,
    );
    await expect(lookup(true)).rejects.toBeInstanceOf(LocalAddressError);
  });
});

describe('a reserved name', () => {
  it('is refused without asking the resolver', () => {
    for (const url of ['https://images.outlet.example/a.jpg', 'http://photos.invalid/', 'https://a.test./b'])
      expect(() => refuseLocalHost(new URL(url)), url).toThrow(/is a reserved name that no public host has/);
    expect(() => refuseLocalHost(new URL('https://example.org/a.jpg'))).not.toThrow();
  });
});
