import { httpHandler } from '../shared/http.ts';
import { listCategories } from '../store/reference.ts';

/** GET /v1/categories: a short fixed list, answered in one page. */
export const handler = httpHandler(async () => {
  const categories = await listCategories();
  return { status: 200, body: { items: categories, nextCursor: null } };
});
