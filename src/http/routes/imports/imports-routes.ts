import { Transform } from "node:stream";
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError } from "../../../core/errors.ts";
import { importRecords } from "../../../services/imports/import-records.ts";
import { problemResponses } from "../shared-schemas.ts";
import { importShapeCheck } from "./import-shapes.ts";
import {
  csvMediaType,
  importBody,
  importParams,
  importQuery,
  importReportSchema,
  xlsxMediaType,
} from "./imports-schemas.ts";

/** Bulk import (批量导入) of products, lots and shipments from CSV or XLSX, streamed, one transaction per file. */
export const importsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Hand the body over as a stream: the importer reads rows as they arrive instead of buffering the file.
  app.addContentTypeParser([csvMediaType, xlsxMediaType], (request, payload, done) => {
    const limit = request.routeOptions.bodyLimit;
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > limit) return done(tooLarge(limit), undefined);
    done(null, payload);
  });

  app.post(
    "/v1/imports/:kind",
    {
      config: { auth: "required" },
      schema: {
        tags: ["Imports (批量导入)"],
        summary: "Import products, lots or shipments from a CSV or XLSX file (one transaction per file)",
        description:
          "Every row is checked as the API checks a request. 200 with the report when nothing was bad (or bad rows " +
          "were skipped); 422 with every bad row in `errors` (row, column, reason, and a pointer /rows/{row}/{column}) " +
          "when the file had bad rows and nothing was written. Columns: see docs/import.md.",
        params: importParams,
        querystring: importQuery,
        body: importBody,
        response: { 200: importReportSchema, ...problemResponses, 413: Type.Ref("Problem"), 415: Type.Ref("Problem") },
      },
    },
    async (request) => {
      // Other media types reach here through Fastify's own parsers; the file must be one of ours.
      const mediaType = request.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
      if (mediaType !== csvMediaType && mediaType !== xlsxMediaType)
        throw new AppError("unsupported-media-type", `send the file as ${csvMediaType} or ${xlsxMediaType}`, {
          pointer: "/headers/content-type",
        });
      const file = limited(request.body as NodeJS.ReadableStream, request.routeOptions.bodyLimit);
      const report = await importRecords(request.ctx, request.params.kind, file, {
        partyId: request.query.partyId,
        skipBadRows: request.query.skipBadRows,
        checkShape: importShapeCheck,
      });
      if (report.errors.length > 0 && report.imported === 0) {
        throw new AppError(
          "import-failed",
          `${report.errors.length} problem(s) in ${report.rows} rows; nothing imported`,
          {
            errors: report.errors.map((e) => ({
              ...e,
              pointer: `/rows/${e.row}${e.column ? `/${e.column}` : ""}`,
              detail: e.reason,
            })),
            extra: { rows: report.rows, imported: 0 },
          },
        );
      }
      return report;
    },
  );
};

function tooLarge(limit: number): AppError {
  return new AppError("payload-too-large", `the file is larger than this server accepts (${limit} bytes)`, {
    pointer: "/body",
  });
}

/** Counts the bytes of a streamed body: Fastify enforces bodyLimit only on bodies it reads itself. */
function limited(body: NodeJS.ReadableStream, limit: number): Transform {
  let seen = 0;
  let over = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (over) return callback();
      seen += chunk.length;
      over = seen > limit;
      callback(over ? tooLarge(limit) : null, over ? undefined : chunk);
    },
  });
  // The importer reads `counter` and gets its error from there; this listener only keeps a late error (after the
  // importer stopped reading) from becoming an uncaught exception. Not pipeline(): it would destroy the request
  // with our error, which nobody listens for.
  counter.on("error", () => {});
  body.on("error", (e) => counter.destroy(e));
  body.pipe(counter);
  return counter;
}
