/**
 * Who is acting. Every service call carries one; every write records it in the audit log.
 * - admin: operates the platform.
 * - enterprise: acts for exactly one party (its own records, its own stock).
 * - regulator: sees one administrative region and everything below it (GB/T 2260 prefix).
 * - public: no key; public data only.
 * - system: the operator at the console (CLI), trusted like admin, audited as such.
 */
export type Role = "admin" | "enterprise" | "regulator";
export const roles: readonly Role[] = ["admin", "enterprise", "regulator"];

export type Actor =
  | { readonly kind: "admin"; readonly keyId: string; readonly label: string }
  | { readonly kind: "enterprise"; readonly keyId: string; readonly label: string; readonly partyId: string }
  | { readonly kind: "regulator"; readonly keyId: string; readonly label: string; readonly regionCode: string }
  | { readonly kind: "public" }
  | { readonly kind: "system"; readonly label: string };

export const publicActor: Actor = Object.freeze({ kind: "public" });

export function systemActor(label: string): Actor {
  return Object.freeze({ kind: "system", label });
}

/** Admin-level trust: platform operators through a key or at the console. */
export function isOperator(actor: Actor): boolean {
  return actor.kind === "admin" || actor.kind === "system";
}

/** A short, stable description for logs and the audit trail: "regulator:key_…". */
export function actorRef(actor: Actor): string {
  return actor.kind === "public"
    ? "public"
    : actor.kind === "system"
      ? `system:${actor.label}`
      : `${actor.kind}:${actor.keyId}`;
}
