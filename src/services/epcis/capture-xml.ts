import { EpcisXmlError, xmlToEpcisDocument } from "../../core/epcis/capture/xml-document.ts";
import { xmlDocumentEventHashIds } from "../../core/epcis/hash/event-hash-id.ts";
import { AppError } from "../../core/errors.ts";
import type { ServiceContext } from "../service-context.ts";
import { type CaptureResult, captureDocument } from "./capture-events.ts";

/**
 * XML capture (EPCIS 2.0 §9.4): the document is read into the JSON-LD model and captured like a JSON-LD one;
 * each event's hash ID is computed from the XML itself (CBV 2.0 §8.9.2 defines it on either binding), so an XML
 * event and its JSON-LD twin get the same hash ID. Errors point into the JSON model of the document.
 */
export async function captureXmlDocument(ctx: ServiceContext, xml: string): Promise<CaptureResult> {
  let doc: Record<string, unknown>;
  let hashIds: string[];
  try {
    doc = xmlToEpcisDocument(xml);
    hashIds = xmlDocumentEventHashIds(xml);
  } catch (e) {
    if (e instanceof EpcisXmlError || (e as Error).name === "XmlSyntaxError" || e instanceof RangeError)
      throw new AppError("epcis-validation", `the XML document cannot be read: ${(e as Error).message}`, {
        pointer: "/body",
        extra: { epcisException: "ValidationException" },
      });
    throw e;
  }
  return captureDocument(ctx, doc, { xmlHashIds: hashIds });
}
