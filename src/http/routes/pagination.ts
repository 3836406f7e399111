import type { FastifyRequest } from "fastify";

/** The URL of the next page: the same request with `cursor` replaced (RFC 8288 rel="next" target). */
export function nextPageUrl(request: FastifyRequest, cursor: string | null): string | null {
  if (!cursor) return null;
  const url = new URL(request.url, "http://x");
  url.searchParams.set("cursor", cursor);
  return `${url.pathname}${url.search}`;
}
