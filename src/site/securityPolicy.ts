/**
 * The Content-Security-Policy every page is served with: only the site's own files run, nothing
 * inline executes, and no third-party origin is contacted. Pagefind's search compiles
 * WebAssembly (`wasm-unsafe-eval`) and runs a worker from the site's own files.
 * @see https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
 */
const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

/** For a `<meta http-equiv>`, which cannot carry `frame-ancestors`. */
export const contentSecurityPolicy = Object.entries(DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');

/**
 * A `_headers` file, read by Netlify, Cloudflare Pages and similar hosts: the same policy as a
 * real header (where `frame-ancestors` works), plus the usual hardening headers.
 */
export function headersFile(base: string): string {
  return [
    `${base.replace(/\/?$/, '/')}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '',
  ].join('\n');
}
