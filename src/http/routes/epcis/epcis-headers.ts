import type { FastifyReply, FastifyRequest } from "fastify";
import { SUYUAN_NS } from "../../../core/epcis/platform/platform-context.ts";
import { AppError } from "../../../core/errors.ts";
import { CAPTURE_EVENT_LIMIT } from "../../../services/epcis/capture-events.ts";

/**
 * The headers of the EPCIS 2.0 REST binding (OpenAPI components/headers): every answer says which EPCIS and CBV
 * versions it speaks, that EPCs are served as captured (no translation between URN and Digital Link), which
 * extension namespaces it uses, and the capture limits. A request that asks for versions we do not speak is
 * refused with 406 (GS1-EPCIS-Version, GS1-EPCIS-Min/Max, GS1-CBV-Min/Max).
 */
export const EPCIS_VERSION = "2.0.0";
export const CBV_VERSION = "2.0.0";

export function epcisHeaders(bodyLimit: number): Record<string, string> {
  return {
    "GS1-EPCIS-Version": EPCIS_VERSION,
    "GS1-CBV-Version": CBV_VERSION,
    "GS1-EPCIS-Min": EPCIS_VERSION,
    "GS1-EPCIS-Max": EPCIS_VERSION,
    "GS1-CBV-Min": CBV_VERSION,
    "GS1-CBV-Max": CBV_VERSION,
    "GS1-EPC-Format": "Never_Translates",
    "GS1-CBV-XML-Format": "Never_Translates",
    "GS1-Extensions": `sy=${SUYUAN_NS}`,
    "GS1-Vendor-Version": "suyuan/0.1.0",
    "GS1-EPCIS-Capture-Limit": String(CAPTURE_EVENT_LIMIT),
    "GS1-EPCIS-Capture-File-Size-Limit": String(bodyLimit),
  };
}

const major = (v: string) => v.split(".").slice(0, 2).join(".");

/** 406 when the client names only versions other than 2.0 (the REST binding's version negotiation). */
export function checkRequestedVersions(request: FastifyRequest): void {
  const h = request.headers;
  const want = (name: string) => {
    const v = h[name.toLowerCase()];
    return typeof v === "string" ? v.trim() : undefined;
  };
  for (const [name, ours] of [
    ["GS1-EPCIS-Version", EPCIS_VERSION],
    ["GS1-CBV-Version", CBV_VERSION],
  ] as const) {
    const v = want(name);
    if (v !== undefined && major(v) !== major(ours))
      throw new AppError("not-acceptable", `${name} ${v} is not spoken here; this repository speaks ${ours}`);
  }
  for (const [min, max, ours] of [
    ["GS1-EPCIS-Min", "GS1-EPCIS-Max", EPCIS_VERSION],
    ["GS1-CBV-Min", "GS1-CBV-Max", CBV_VERSION],
  ] as const) {
    const lo = want(min);
    const hi = want(max);
    if ((lo !== undefined && compare(lo, ours) > 0) || (hi !== undefined && compare(hi, ours) < 0))
      throw new AppError("not-acceptable", `this repository speaks ${ours}, outside ${lo ?? "…"}–${hi ?? "…"}`);
  }
}

function compare(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** OPTIONS (REST binding discovery): the methods a path allows, with the version headers. */
export function answerOptions(reply: FastifyReply, methods: readonly string[]): FastifyReply {
  return reply
    .code(204)
    .header("Allow", ["OPTIONS", ...methods].join(", "))
    .send();
}
