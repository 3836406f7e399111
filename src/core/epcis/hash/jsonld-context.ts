/**
 * Just enough of JSON-LD 1.1 context processing (JSON-LD 1.1 §4.1, term definitions and property-scoped contexts)
 * for the event hash algorithm: which bare values a context turns into CBV / GS1 web vocabulary URIs
 * (`"bizStep": "shipping"` → `https://ref.gs1.org/cbv/BizStep-shipping`, EPCIS 2.0 §8.2.1), and which prefixes the
 * document itself declares for user extension names. Remote contexts are never fetched: they come in as data,
 * keyed by URL (e.g. the standard EPCIS 2.0 context).
 */
export type JsonLdContext = string | Readonly<Record<string, unknown>> | readonly JsonLdContext[] | null;

/** Context documents by URL; each is the parsed document (with its `@context` member) or the context itself. */
export type ContextLibrary = Readonly<Record<string, unknown>>;

interface TermDefinition {
  readonly iri: string | undefined;
  /** `"@type": "@vocab"`: a bare string value is a term or vocabulary-relative IRI. */
  readonly vocab: boolean;
  readonly scoped: unknown;
}

export class ContextMissingError extends Error {
  constructor(readonly url: string) {
    super(`JSON-LD context ${url} was not given (core never fetches contexts; pass it in the context library)`);
  }
}

export class ActiveContext {
  private readonly scopedCache = new Map<string, ActiveContext>();

  constructor(
    private readonly terms: ReadonlyMap<string, TermDefinition>,
    private readonly library: ContextLibrary,
  ) {}

  static empty(library: ContextLibrary): ActiveContext {
    return new ActiveContext(new Map(), library);
  }

  /** This context with `local` applied on top (JSON-LD 1.1 context processing, simplified). */
  extend(local: unknown): ActiveContext {
    const terms = new Map(this.terms);
    applyContext(local, terms, this.library, new Set());
    return new ActiveContext(terms, this.library);
  }

  /** The context in force inside the value of `key`: with the key's property-scoped context, if it has one. */
  inside(key: string): ActiveContext {
    const cached = this.scopedCache.get(key);
    if (cached) return cached;
    const scoped = this.terms.get(key)?.scoped;
    const ctx = scoped === undefined ? this : this.extend(scoped);
    this.scopedCache.set(key, ctx);
    return ctx;
  }

  /** The IRI a bare value of `key` stands for, when the key is vocabulary-typed and the value one of its terms. */
  vocabularyValue(key: string, value: string): string | undefined {
    if (!this.terms.get(key)?.vocab || value.includes(":")) return undefined;
    const scope = this.inside(key);
    const iri = scope.terms.get(value)?.iri;
    return iri === undefined ? undefined : scope.expandCurie(iri);
  }

  private expandCurie(iri: string): string {
    const colon = iri.indexOf(":");
    if (colon <= 0 || iri.startsWith("//", colon + 1)) return iri;
    const prefix = this.terms.get(iri.slice(0, colon))?.iri;
    return prefix === undefined || prefix.startsWith("@") ? iri : prefix + iri.slice(colon + 1);
  }
}

function applyContext(local: unknown, terms: Map<string, TermDefinition>, library: ContextLibrary, seen: Set<string>) {
  if (local === null || local === undefined) return;
  if (Array.isArray(local)) {
    for (const item of local) applyContext(item, terms, library, seen);
    return;
  }
  if (typeof local === "string") {
    if (seen.has(local)) return;
    if (!(local in library)) throw new ContextMissingError(local);
    const doc = library[local];
    const inner = isObject(doc) && "@context" in doc ? doc["@context"] : doc;
    applyContext(inner, terms, library, new Set([...seen, local]));
    return;
  }
  if (!isObject(local)) return;
  for (const [term, def] of Object.entries(local)) {
    if (term.startsWith("@")) continue;
    if (def === null) terms.delete(term);
    else if (typeof def === "string") terms.set(term, { iri: def, vocab: false, scoped: undefined });
    else if (isObject(def)) {
      const id = def["@id"];
      terms.set(term, {
        iri: typeof id === "string" ? id : undefined,
        vocab: def["@type"] === "@vocab",
        scoped: def["@context"],
      });
    }
  }
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
