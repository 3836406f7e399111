import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError, type ErrorCode, errorRegistry, type FieldError } from "../../core/errors.ts";

/**
 * The one place errors become RFC 9457 problem details (application/problem+json): a stable `type` per error
 * code (a relative URI, resolvable on this server at /problems/{code}, RFC 9457 §3.1.1), a localised `title`,
 * a `detail` a person can act on, the JSON pointer of the field at fault, and the request id. Internal errors
 * are logged with their stack and answered without it.
 */
export const problemDetailsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const app_ = toAppError(error);
    if (app_.status >= 500) request.log.error({ err: error }, "request failed");
    return sendProblem(request, reply, app_);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new AppError(
        "route-not-found",
        `no endpoint ${request.method} ${request.url.split("?")[0]}; see /docs for the API`,
      ),
    ),
  );
});

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const spec = errorRegistry[error.code];
  const zh = /^zh\b/i.test(request.headers["accept-language"] ?? "");
  const body: Record<string, unknown> = {
    type: `/problems/${error.code}`,
    title: zh ? spec.titleZh : spec.title,
    status: error.status,
    detail: error.message,
    instance: request.url.split("?")[0],
    ...(error.pointer ? { pointer: error.pointer } : {}),
    ...(error.errors.length > 0 ? { errors: error.errors } : {}),
    ...error.extra,
    requestId: request.id,
  };
  return reply.code(error.status).type("application/problem+json; charset=utf-8").send(body);
}

/** Maps framework errors to registry codes; anything unknown is an internal error. */
export function toAppError(error: FastifyError | AppError): AppError {
  if (error instanceof AppError) return error;
  const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation) {
    const where = fe.validationContext === "querystring" ? "query" : (fe.validationContext ?? "body");
    const errors = fe.validation.map((v) => fieldError(where, v));
    return new AppError("validation-failed", errors.map((e) => `${e.pointer}: ${e.detail}`).join("; "), { errors });
  }
  const byCode: Partial<Record<string, [ErrorCode, string]>> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ["payload-too-large", "the request body is larger than this server accepts"],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ["unsupported-media-type", "send the body as application/json"],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ["validation-failed", "the Content-Length header does not match the body"],
    FST_ERR_CTP_EMPTY_JSON_BODY: ["validation-failed", "the body is empty but Content-Type says JSON"],
    FST_ERR_CTP_INVALID_JSON_BODY: ["validation-failed", "the body is not valid JSON"],
  };
  const mapped = fe.code ? byCode[fe.code] : undefined;
  if (mapped) return new AppError(mapped[0], mapped[1], { pointer: "/body" });
  if (fe.statusCode === 400 && error instanceof SyntaxError) {
    return new AppError("validation-failed", `the body is not valid JSON: ${error.message}`, { pointer: "/body" });
  }
  if (fe.statusCode === 429) return new AppError("rate-limited", fe.message);
  if (fe.statusCode === 503) return new AppError("service-unavailable", "the server is shutting down or overloaded");
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError("validation-failed", fe.message);
  }
  return new AppError("internal-error", "something went wrong on our side; the request id identifies it in the logs");
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldError(where: string, v: AjvError): FieldError {
  let pointer = `/${where}${v.instancePath}`;
  let detail = v.message ?? "is not valid";
  if (v.keyword === "required") {
    pointer += `/${String(v.params.missingProperty)}`;
    detail = "is required";
  } else if (v.keyword === "additionalProperties") {
    pointer += `/${String(v.params.additionalProperty)}`;
    detail = "is not a known field";
  } else if (v.keyword === "enum") {
    detail = `must be one of: ${(v.params.allowedValues as unknown[]).join(", ")}`;
  }
  return { pointer, detail };
}
