/**
 * Urging a case (催办, POST /v1/cases/{id}/urge): a form with an
 * optional note; once a week at most (sooner is 429, shown as the server
 * words it).
 */
import { chinaMinute } from '../../functions/domain/calendar.ts';
import { api, call } from './api.ts';
import { h } from './dom.ts';
import { bindForm, valueOf } from './forms.ts';

export function urgeForm(id: string, accessCode: string, urged: (confirmation: string) => void): HTMLFormElement {
  const form = h(
    'form',
    { id: 'urge-form', class: 'card' },
    h('h2', {}, '催办'),
    h('p', {}, '办理超过预期时可以催办，每 7 天一次。'),
    h('div', { class: 'field' }, h('label', { for: 'urge-note' }, '说明（可不填）'), h('textarea', { id: 'urge-note', name: 'note', rows: '2', maxlength: '500' })),
    h('button', { type: 'submit' }, '催办'),
  );
  bindForm(
    form,
    (key) => {
      const note = valueOf(form, 'note');
      return call(() => api.POST('/v1/cases/{id}/urge', { params: { path: { id }, header: { 'X-Access-Code': accessCode, 'Idempotency-Key': key } }, body: note ? { note } : {} }));
    },
    (answer) => urged(`已催办。下次可催办时间：${chinaMinute(answer.nextAllowedAt)}。`),
  );
  return form;
}
