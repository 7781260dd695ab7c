/** The messages sent to the petitioner about a case (GET /v1/cases/{id}/messages). */
import { chinaMinute } from '../../functions/domain/calendar.ts';
import { api, call } from './api.ts';
import { h } from './dom.ts';

const DELIVERY: Readonly<Record<string, string>> = { sent: '已发送', delivered: '已送达', failed: '发送失败', pending: '待发送' };

export async function messageList(id: string, accessCode: string): Promise<HTMLElement> {
  const outcome = await call(() => api.GET('/v1/cases/{id}/messages', { params: { path: { id }, header: { 'X-Access-Code': accessCode } } }));
  if (outcome.kind !== 'answer') return h('p', {}, '短信记录暂时无法读取，请稍后刷新。');
  if (outcome.data.items.length === 0) return h('p', {}, '还没有发给您的短信。');
  return h(
    'ul',
    { class: 'messages' },
    ...outcome.data.items.map((message) =>
      h('li', {}, h('time', { datetime: message.at }, chinaMinute(message.at)), h('p', {}, message.text), h('span', { class: 'muted' }, DELIVERY[message.status] ?? message.status)),
    ),
  );
}
