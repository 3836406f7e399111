import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { AppError, type ErrorCode, errorRegistry } from "../../../core/errors.ts";

/** Makes every problem `type` (/problems/{code}) resolvable, as RFC 9457 §3.1.1 recommends. */
export const problemsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    "/problems/:code",
    { schema: { hide: true, params: Type.Object({ code: Type.String({ maxLength: 64 }) }) } },
    async (request) => {
      const code = request.params.code as ErrorCode;
      const spec = errorRegistry[code];
      if (!Object.hasOwn(errorRegistry, code)) throw new AppError("not-found", `no problem type '${code}'`);
      return { type: `/problems/${code}`, status: spec.status, title: spec.title, titleZh: spec.titleZh };
    },
  );
};
