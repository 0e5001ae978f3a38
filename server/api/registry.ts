import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { CurrentUser } from '../http/context.ts';
import type { Access, Method, RouteSpec } from '../http/routes.ts';
import { parseOrThrow } from '../http/validate.ts';

/**
 * The JSON API is declared once per route with zod schemas; the same schemas validate requests, shape
 * responses (unknown keys are stripped, so nothing undeclared can leak out) and generate the OpenAPI
 * document served at /api/openapi.json.
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'VALIDATION_FAILED' }),
      message: z.string().meta({ example: '提交的内容有误，请按提示修改' }),
      issues: z.array(
        z.object({
          path: z.array(z.union([z.string(), z.number()])),
          field: z.string().meta({ example: 'values.company.name' }),
          message: z.string(),
        }),
      ),
    }),
  })
  .meta({ id: 'ErrorBody', description: '错误响应（中文消息，字段路径指向出错的字段，从不回显提交的值）' });

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: CurrentUser | null;
  req: Request;
  res: Response;
}

type AnyObject = z.ZodObject<z.ZodRawShape>;

export interface ApiRoute<
  P extends AnyObject,
  Q extends AnyObject,
  B extends z.ZodType,
  R extends z.ZodType,
> {
  method: Method;
  /** Express-style path under /api, e.g. `/api/applications/:id`. */
  path: string;
  access: Access;
  owns?: 'application';
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** multipart/form-data (an upload) instead of JSON. */
  multipart?: { fileField: string };
  response: R;
  status?: 200 | 201;
  before?: RequestHandler[];
  handle: (input: ApiInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R>>;
}

const ERROR_RESPONSES = {
  400: '请求格式有误',
  401: '未登录',
  403: '无权操作或 CSRF 校验失败',
  404: '不存在或无权查看',
  422: '内容校验失败（issues 指明字段）',
} as const;

export class ApiRegistry {
  readonly #openapi = new OpenAPIRegistry();
  readonly #routes: RouteSpec[] = [];

  constructor() {
    this.#openapi.registerComponent('securitySchemes', 'session', {
      type: 'apiKey',
      in: 'cookie',
      name: 'yj_sid',
      description: '登录后获得的会话 Cookie；修改数据的请求还需 X-CSRF-Token 请求头',
    });
  }

  add<P extends AnyObject, Q extends AnyObject, B extends z.ZodType, R extends z.ZodType>(
    route: ApiRoute<P, Q, B, R>,
  ): void {
    const requestBody = route.multipart
      ? {
          content: {
            'multipart/form-data': {
              schema: z
                .object({ [route.multipart.fileField]: z.string().meta({ format: 'binary' }) })
                .extend(route.body instanceof z.ZodObject ? route.body.shape : {}),
            },
          },
        }
      : route.body
        ? { content: { 'application/json': { schema: route.body } } }
        : undefined;
    this.#openapi.registerPath({
      method: route.method,
      path: route.path.replace(/:(\w+)/g, '{$1}'),
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : {}),
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(requestBody ? { body: requestBody } : {}),
      },
      responses: {
        [route.status ?? 200]: {
          description: '成功',
          content: { 'application/json': { schema: route.response } },
        },
        ...Object.fromEntries(
          Object.entries(ERROR_RESPONSES).map(([status, description]) => [
            status,
            { description, content: { 'application/json': { schema: errorBodySchema } } },
          ]),
        ),
      },
    });
    this.#routes.push({
      method: route.method,
      path: route.path,
      access: route.access,
      kind: 'api',
      ...(route.owns ? { owns: route.owns } : {}),
      summary: route.summary,
      ...(route.before ? { before: route.before } : {}),
      ...(route.multipart ? { multipart: true } : {}),
      handler: async (req, res) => {
        const input = {
          params: route.params ? parseOrThrow(route.params, req.params) : {},
          query: route.query ? parseOrThrow(route.query, req.query) : {},
          body: route.body ? parseOrThrow(route.body, req.body ?? {}) : undefined,
          user: req.yj.user,
          req,
          res,
        } as ApiInput<z.output<P>, z.output<Q>, z.output<B>>;
        const result = await route.handle(input);
        // Parsed, not just checked: the response carries exactly the declared fields.
        res.status(route.status ?? 200).json(route.response.parse(result));
      },
    });
  }

  routes(): readonly RouteSpec[] {
    return this.#routes;
  }

  document(): ReturnType<OpenApiGeneratorV31['generateDocument']> {
    const generator = new OpenApiGeneratorV31(this.#openapi.definitions);
    return generator.generateDocument({
      openapi: '3.1.0',
      info: {
        title: '一件事 · 一键办 API',
        version: '1',
        description: '申请人、窗口人员和管理员使用的 JSON 接口。所有错误消息为中文，并指明出错的字段。',
      },
      security: [{ session: [] }],
    });
  }
}
