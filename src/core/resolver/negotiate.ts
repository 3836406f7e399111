/**
 * Content negotiation of the resolver (RFC 9110 §12.5.1; GS1-Conformant Resolver Standard 1.1 §6.6): a browser
 * gets the consumer page, `application/json` the public record, `application/linkset+json` the linkset
 * (RFC 9264 §7). Ties go to HTML, so `*` / `*` and a missing header give people the page.
 */
export type Representation = "html" | "json" | "linkset";

const offers: readonly (readonly [Representation, string])[] = [
  ["html", "text/html"],
  ["linkset", "application/linkset+json"],
  ["json", "application/json"],
];

export function chooseRepresentation(accept: string | undefined): Representation {
  if (!accept) return "html";
  let best: Representation = "html";
  let bestQ = -1;
  let bestSpecificity = -1;
  for (const [rep, type] of offers) {
    const [major] = type.split("/");
    let q = -1;
    let specificity = -1;
    for (const range of accept.split(",")) {
      const [mediaRaw, ...params] = range.split(";");
      const media = (mediaRaw ?? "").trim().toLowerCase();
      const s = media === type ? 2 : media === `${major}/*` ? 1 : media === "*/*" ? 0 : -1;
      if (s < 0 || s < specificity) continue;
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const value = qParam ? Number(qParam.slice(2)) : 1;
      specificity = s;
      q = Number.isFinite(value) ? value : 0;
    }
    // The most specific matching range decides the quality of an offer (RFC 9110 §12.5.1).
    if (q > 0 && (q > bestQ || (q === bestQ && specificity > bestSpecificity))) {
      best = rep;
      bestQ = q;
      bestSpecificity = specificity;
    }
  }
  return best;
}
