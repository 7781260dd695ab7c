/**
 * Booking a place at a leader's visit (预约接访, POST /v1/visits/{id}/bookings):
 * a form under each visit with places left, with the phone verified by SMS
 * as on the submit page; the answer is the ticket and the time slot, and the
 * booking code (to cancel) comes by SMS only.
 */
import { api, call } from './api.ts';
import { chinaMinute } from '../../functions/domain/calendar.ts';
import { h } from './dom.ts';
import { bindForm, valueOf } from './forms.ts';
import { phoneVerification } from './verification.ts';

/** Fills the category choice once for every booking form of the page. */
const categories = call(() => api.GET('/v1/categories')).then((outcome) => (outcome.kind === 'answer' ? outcome.data.items : []));

let forms = 0;

/** A button that opens the booking form of visit `visitId` inside `card`. */
export function bookingForm(card: HTMLElement, visitId: string): HTMLElement {
  const n = ++forms;
  const field = (id: string, label: string, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: `${id}-${n}` }, label), input);
  const category = h('select', { id: `booking-category-${n}`, name: 'category', required: '' }, h('option', { value: '' }, '请选择'));
  void categories.then((items) => category.append(...items.map((item) => h('option', { value: item.code }, item.name))));
  const phone = h('input', { id: `booking-phone-${n}`, name: 'phone', type: 'tel', inputmode: 'tel', autocomplete: 'tel', required: '' }) as HTMLInputElement;
  const code = h('input', { id: `booking-code-${n}`, name: 'verification.code', inputmode: 'numeric', autocomplete: 'one-time-code', maxlength: '6' }) as HTMLInputElement;
  const status = h('div', { class: 'form-status', role: 'status', tabindex: '-1' });
  const form = h(
    'form',
    { class: 'booking', novalidate: '', hidden: '' },
    field('booking-category', '事项类别 *', category),
    field('booking-summary', '简要说明 *', h('textarea', { id: `booking-summary-${n}`, name: 'summary', rows: '3', maxlength: '500', required: '' })),
    field('booking-persons', '来访人数 *', h('input', { id: `booking-persons-${n}`, name: 'persons', type: 'number', min: '1', max: '20', value: '1', required: '' })),
    field('booking-phone', '手机号码 *', phone),
    field('booking-code', '短信验证码 *', code),
    h('button', { type: 'submit' }, '提交预约'),
    status,
  ) as HTMLFormElement;
  const verification = phoneVerification(form, phone, code);
  const open = h('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false' }, '预约接访');
  open.addEventListener('click', () => {
    form.hidden = !form.hidden;
    open.setAttribute('aria-expanded', String(!form.hidden));
    if (!form.hidden) category.focus();
  });
  bindForm(
    form,
    // The same phone's booking of a visit is answered again, not made twice: no key is needed.
    async () => {
      const verified = verification.current();
      if (!verified) {
        return { kind: 'problem', problem: { type: 'about:blank', title: '请先获取并填写验证码', status: 400, detail: '', errors: [{ path: 'verification.code', message: '请填写短信验证码' }] } };
      }
      return call(() =>
        api.POST('/v1/visits/{id}/bookings', {
          params: { path: { id: visitId } },
          body: { phone: valueOf(form, 'phone'), verification: verified, category: valueOf(form, 'category'), summary: valueOf(form, 'summary'), persons: Number(valueOf(form, 'persons') || 1) },
        }),
      );
    },
    (booking) => {
      form.hidden = true;
      open.hidden = true;
      const done = h(
        'div',
        { class: 'booked', role: 'status' },
        h('h4', { tabindex: '-1' }, '预约成功'),
        h('dl', { class: 'receipt' }, h('dt', {}, '号码'), h('dd', { class: 'ticket' }, String(booking.ticket)), h('dt', {}, '接待时段'), h('dd', {}, `${chinaMinute(booking.slot.from)} 至 ${chinaMinute(booking.slot.to).slice(-5)}`)),
        h('p', {}, '取消预约所需的预约码已通过短信发送，请按时到场。'),
      );
      card.append(done);
      done.querySelector('h4')?.focus();
    },
  );
  const wrapper = h('div', { class: 'booking-area' }, open, form);
  return wrapper;
}
