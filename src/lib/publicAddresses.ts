/**
 * Which network addresses a fetch of an untrusted address may reach: only public ones, never this
 * machine, its private or link-local networks (where a cloud's metadata endpoint answers), nor
 * addresses that are no host at all. `publicLookup` is a name lookup for `node:http` that resolves
 * once and hands the connection the very addresses it checked, so a second answer from the name's
 * server (DNS rebinding) never reaches the socket.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, isIPv6, type LookupFunction } from 'node:net';

const notPublic = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local: cloud metadata endpoints
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const)
  notPublic.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 96], // unspecified, loopback and the deprecated IPv4-compatible forms
  ['fc00::', 7], // unique local (private)
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local, deprecated
  ['ff00::', 8], // multicast
] as const)
  notPublic.addSubnet(network, prefix, 'ipv6');

/** The 16 bytes of an IPv6 address, or undefined when it is not one. */
function ipv6Bytes(address: string): number[] | undefined {
  if (!isIPv6(address)) return undefined;
  let text = address.replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number);
    text = `${text.slice(0, -dotted[1]!.length)}${((a! << 8) | b!).toString(16)}:${((c! << 8) | d!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const groups = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const first = groups(head);
  const last = groups(tail);
  const words =
    tail === undefined ? first : [...first, ...Array<number>(8 - first.length - last.length).fill(0), ...last];
  return words.flatMap((word) => [word >> 8, word & 0xff]);
}

/**
 * The IPv4 address an IPv6 address stands for, if it embeds one that a connection reaches:
 * IPv4-mapped (`::ffff:127.0.0.1`, `::ffff:7f00:1`) and NAT64 (`64:ff9b::127.0.0.1`).
 */
function embeddedIPv4(address: string): string | undefined {
  const bytes = ipv6Bytes(address);
  if (!bytes) return undefined;
  const prefix = bytes.slice(0, 12).join('.');
  const mapped = prefix === '0.0.0.0.0.0.0.0.0.0.255.255';
  const nat64 = prefix === '0.100.255.155.0.0.0.0.0.0.0.0';
  return mapped || nat64 ? bytes.slice(12).join('.') : undefined;
}

/** Whether a connection to `address` (an IPv4 or IPv6 address) leaves this machine and its private networks. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const ipv4 = family === 4 ? address : embeddedIPv4(address);
  if (ipv4) return !notPublic.check(ipv4, 'ipv4');
  return !notPublic.check(address.replace(/%.*$/, ''), 'ipv6');
}

/** A refusal to connect, in words for the editor: the address and what to do. */
export class LocalAddressError extends Error {
  readonly code = 'ERR_LOCAL_ADDRESS';
  constructor(host: string, address: string) {
    super(
      `${host === address ? address : `${host} (${address})`} is on this machine or a private network, which is not fetched (set DOSSIER_ALLOW_LOCAL_FETCH=1 to allow it)`,
    );
  }
}

/**
 * Refuses a URL's host when it is written as an address that is not public (`http://127.0.0.1/`,
 * `http://[::ffff:a9fe:a9fe]/`): Node connects to an address without a lookup, so `publicLookup`
 * never sees it.
 */
export function refuseLocalHost(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host)) throw new LocalAddressError(host, host);
  if (RESERVED_NAME.test(host)) throw new ReservedNameError(host);
}

/**
 * Names that resolve nowhere (RFC 6761: `.example`, `.invalid`, `.test`), refused without asking
 * the resolver, which can take a second to say so. (`localhost` resolves, to this machine, and is
 * refused by `publicLookup`.)
 */
const RESERVED_NAME = /(^|\.)(example|invalid|test)\.?$/i;

/** A refusal of a reserved name, in words for the editor. */
export class ReservedNameError extends LocalAddressError {
  constructor(host: string) {
    super(host, host);
    this.message = `${host} is a reserved name that no public host has (use the real address)`;
  }
}

/**
 * A name lookup for `node:http`/`node:net` (their `lookup` option): every address the name has is
 * looked up, and the lookup fails if any is not public; the connection then goes to the addresses
 * checked here.
 */
export const publicLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { family: options.family ?? 0, hints: options.hints ?? 0, all: true }, (error, found) => {
    if (error) return callback(error, '', 0);
    const addresses = found as LookupAddress[];
    const refused = addresses.find((entry) => !isPublicAddress(entry.address));
    if (refused) return callback(new LocalAddressError(hostname, refused.address), '', 0);
    if (options.all) return (callback as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
    callback(null, first.address, first.family);
  });
};
