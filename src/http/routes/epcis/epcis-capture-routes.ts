import type { FastifyPluginAsync } from "fastify";
import { AppError } from "../../../core/errors.ts";
import { captureDocument, captureEvent } from "../../../services/epcis/capture-events.ts";
import { getCaptureJob, listCaptureJobsOf } from "../../../services/epcis/capture-jobs.ts";
import { captureXmlDocument } from "../../../services/epcis/capture-xml.ts";
import { answerOptions } from "./epcis-headers.ts";
import { presentCaptureJob } from "./epcis-presenter.ts";

const tags = ["EPCIS 2.0 capture"];
const open = { type: "object", additionalProperties: true } as const;

/** EPCIS 2.0 capture (REST binding): `POST /capture` (a document, 202 + capture job), `POST /events` (one event). */
export const epcisCaptureRoutes: FastifyPluginAsync = async (app) => {
  app.post(
    "/capture",
    {
      config: { auth: "required" },
      schema: {
        tags,
        summary: "Capture an EPCIS document (JSON-LD or XML); all its events or none",
        response: { 202: { type: "null", description: "Location: the capture job" } },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const result =
        typeof body === "string"
          ? await captureXmlDocument(request.ctx, body)
          : await captureDocument(request.ctx, body);
      return reply.code(202).header("Location", `/epcis/capture/${result.job.id}`).send();
    },
  );
  app.get(
    "/capture",
    { config: { auth: "required" }, schema: { tags, summary: "Your capture jobs, newest first" } },
    async (request) => (await listCaptureJobsOf(request.ctx)).map(presentCaptureJob),
  );
  app.get<{ Params: { captureID: string } }>(
    "/capture/:captureID",
    {
      config: { auth: "required" },
      schema: { tags, summary: "A capture job: running, success, errors", response: { 200: open } },
    },
    async (request) => presentCaptureJob(await getCaptureJob(request.ctx, request.params.captureID)),
  );
  app.post(
    "/events",
    {
      config: { auth: "required" },
      schema: { tags, summary: "Capture one EPCIS event", response: { 201: { type: "null" } } },
    },
    async (request, reply) => {
      if (typeof request.body === "string")
        throw new AppError(
          "unsupported-media-type",
          "POST /epcis/events takes one JSON-LD event; send XML documents to /epcis/capture",
        );
      const result = await captureEvent(request.ctx, request.body);
      const id = result.eventIds[0] as string;
      return reply
        .code(201)
        .header("Location", `/epcis/events/${encodeURIComponent(id)}`)
        .send();
    },
  );
  app.options("/capture", async (_req, reply) => answerOptions(reply, ["GET", "POST"]));
  app.options("/capture/:captureID", async (_req, reply) => answerOptions(reply, ["GET"]));
};
