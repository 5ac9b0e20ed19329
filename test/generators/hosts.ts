/**
 * Addresses near eastmoney's advertising host `acttg.eastmoney.com`: the
 * host itself in other spellings (case, a trailing dot, a port, no scheme),
 * and look-alikes that are other sites (`acttg.eastmoney.com.evil.com`,
 * `acttg.eastmoney.com@evil.com`, `evil.com/acttg.eastmoney.com`). Only a
 * link whose parsed host is the ad host is an ad.
 */

import fc from 'fast-check';

const SCHEMES = ['http://', 'https://', 'HTTP://', '//', ' http://', '\thttps://'];
const HOSTS = [
  'acttg.eastmoney.com', 'ACTTG.EastMoney.com', 'acttg.eastmoney.com.', 'acttg.eastmoney.com:8080', 'user@acttg.eastmoney.com',
  'acttg.eastmoney.com.evil.com', 'acttg.eastmoney.com@evil.com', 'acttg.eastmoney.com%2eevil.com', 'xacttg.eastmoney.com',
  'acttg.eastmoney.co', 'acttg-eastmoney.com', 'evil.com', 'www.eastmoney.com', 'acttg.eastmoney.com\\.evil.com',
];
const PATHS = ['/', '/ad?x=1', '', '/acttg.eastmoney.com', '#acttg.eastmoney.com', '?u=http://acttg.eastmoney.com/'];

export const adLikeHref: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...SCHEMES), fc.constantFrom(...HOSTS), fc.constantFrom(...PATHS))
  .map(([scheme, host, path]) => scheme + host + path);

/** The oracle: whether the URL parser reads `href` as an address on the ad host. */
export function isAdHost(href: string): boolean {
  try {
    const host = new URL(href.trim().startsWith('//') ? `https:${href.trim()}` : href).hostname;
    return host === 'acttg.eastmoney.com' || host === 'acttg.eastmoney.com.';
  } catch {
    return false;
  }
}
