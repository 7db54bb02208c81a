import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

/** The per-launch secrets and the one address the server answers to. */
export interface Guard {
  /** Host header value the server accepts: "127.0.0.1:<port>". */
  readonly host: string;
  /** In the printed URL; kept by the browser as an HttpOnly cookie. */
  readonly token: string;
  /** Sent by the page's scripts in a header with every state-changing request. */
  readonly csrf: string;
}

export const TOKEN_COOKIE = 'qmsdoc_token';
export const CSRF_HEADER = 'x-qmsdoc-csrf';

export function createGuard(port: number): Guard {
  return { host: `127.0.0.1:${port}`, token: randomBytes(24).toString('base64url'), csrf: randomBytes(24).toString('base64url') };
}

function same(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The request's Host: the header when the server received one, else the URL's (app.request in tests). */
function hostOf(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The workbench's rules, in order: the Host must be the loopback address printed (a page on
 * another site that rebinds its DNS name to 127.0.0.1 sends its own name); the token, from the
 * printed URL once and from the cookie afterwards, on every request; and on state-changing
 * requests the CSRF header (and a same-origin Origin when the browser sends one).
 */
export function guardRequests(
  guard: Guard,
  deny: (c: Context, status: 400 | 403, reason: 'host' | 'token' | 'csrf') => Response | Promise<Response>,
): MiddlewareHandler {
  return async (c, next) => {
    if (hostOf(c) !== guard.host) return deny(c, 400, 'host');
    const url = new URL(c.req.url);
    const offered = url.searchParams.get('token');
    if (offered !== null && c.req.method === 'GET') {
      if (!same(offered, guard.token)) return deny(c, 403, 'token');
      setCookie(c, TOKEN_COOKIE, guard.token, { httpOnly: true, sameSite: 'Strict', path: '/' });
      // The token leaves the address bar (and the history) at once.
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 303);
    }
    if (!same(getCookie(c, TOKEN_COOKIE), guard.token)) return deny(c, 403, 'token');
    if (STATE_CHANGING.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin !== undefined && origin !== `http://${guard.host}`) return deny(c, 403, 'csrf');
      if (!same(c.req.header(CSRF_HEADER), guard.csrf)) return deny(c, 403, 'csrf');
    }
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'SAMEORIGIN');
    c.header('Cache-Control', 'no-store');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'self'; frame-src 'self'; frame-ancestors 'self'; form-action 'self'; base-uri 'none'",
    );
    return undefined;
  };
}
