import { regionCode } from '../domain/fields.ts';
import * as z from '../domain/zod.ts';
import { notFound } from '../domain/problem.ts';
import { httpHandler, pageQuery, parseWith } from '../shared/http.ts';
import { getRegion, listChildRegions } from '../store/reference.ts';

const query = z.extend(pageQuery, { parentCode: z.optional(regionCode) });

/** GET /v1/regions?parentCode=: the units directly below a region, or the top level. */
export const handler = httpHandler(async (request) => {
  const { parentCode, limit, cursor } = parseWith(query, request.query, 'query');
  if (parentCode !== undefined && !(await getRegion(parentCode))) throw notFound(`There is no region ${parentCode}.`);
  const page = await listChildRegions(parentCode, limit, cursor);
  return {
    status: 200,
    body: {
      items: page.items.map(({ code, name, level, population }) => ({ code, name, level, population })),
      nextCursor: page.nextCursor,
    },
  };
});
