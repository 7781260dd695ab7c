/** The submit page (index.html): a petition with phone verification and photos. */
import { rememberCase } from './access.ts';
import { api, call } from './api.ts';
import { uploadAll } from './attachments.ts';
import { byId, h } from './dom.ts';
import { bindForm, valueOf } from './forms.ts';
import { regionPicker } from './regions.ts';
import { phoneVerification } from './verification.ts';

const form = byId<HTMLFormElement>('submit-form');
const result = byId('submit-result');
const category = byId<HTMLSelectElement>('category');
const photos = byId<HTMLInputElement>('photos');

void call(() => api.GET('/v1/categories')).then((outcome) => {
  if (outcome.kind !== 'answer') return;
  category.append(...outcome.data.items.map((item) => h('option', { value: item.code }, item.name)));
});
regionPicker(byId<HTMLFieldSetElement>('region'), 'regionCode', { requiredDepth: 3, remember: 'petitions.region' });
const verification = phoneVerification(form, byId<HTMLInputElement>('phone'), byId<HTMLInputElement>('verification-code'));

bindForm(
  form,
  (key) => {
    const idNumber = valueOf(form, 'petitioner.idNumber');
    const phone = valueOf(form, 'petitioner.phone');
    const verified = verification.current();
    return call(() =>
      api.POST('/v1/cases', {
        params: { header: { 'Idempotency-Key': key } },
        body: {
          channel: 'online',
          category: valueOf(form, 'category'),
          title: valueOf(form, 'title'),
          content: valueOf(form, 'content'),
          regionCode: valueOf(form, 'regionCode'),
          headcount: Number(valueOf(form, 'headcount') || 1),
          petitioner: { name: valueOf(form, 'petitioner.name'), ...(phone && { phone }), ...(idNumber && { idNumber }) },
          // Only once a code was asked for: the contract's verification (not every deployment requires one).
          ...(verified && { verification: verified }),
        },
      }),
    );
  },
  async (answer) => {
    form.hidden = true;
    if (!('accessCode' in answer) || typeof answer.accessCode !== 'string') {
      // A verified petitioner's open case of the same matter: it grew, and its code is the one they have.
      result.replaceChildren(h('h2', { tabindex: '-1' }, '您已有同一事项正在办理'), h('p', {}, '本次内容已并入该事项，请用原来的查询码查看进度。'));
      result.querySelector('h2')?.focus();
      return;
    }
    const { id, accessCode } = answer;
    const caseNumber = typeof answer.caseNumber === 'string' ? [h('dt', {}, '信访件编号'), h('dd', { id: 'case-number' }, answer.caseNumber)] : [];
    rememberCase({ id, accessCode });
    const uploads = h('ul', { class: 'uploads' });
    result.replaceChildren(
      h('h2', { tabindex: '-1' }, '已登记，我们会在规定时限内答复'),
      h('dl', { class: 'receipt' }, ...caseNumber, h('dt', {}, '查询编号'), h('dd', { id: 'case-id' }, id), h('dt', {}, '查询码'), h('dd', { id: 'access-code', class: 'code' }, accessCode)),
      h('p', { class: 'warning' }, '查询码只显示这一次，请截图或抄下。凭查询编号和查询码可查看进度、评价答复。'),
      uploads,
      h('p', {}, h('a', { href: 'follow.html', class: 'button' }, '查看办理进度')),
    );
    result.querySelector('h2')?.focus();
    await sendPhotos(id, accessCode, [...(photos.files ?? [])], uploads);
  },
);

/** Uploads the chosen photos; a file that failed gets a retry. */
async function sendPhotos(id: string, accessCode: string, files: File[], list: HTMLElement): Promise<void> {
  if (files.length === 0) return;
  list.replaceChildren(h('li', {}, `正在上传 ${files.length} 个附件…`));
  const { failed, lines } = await uploadAll(id, accessCode, files);
  list.replaceChildren(...lines);
  if (failed.length === 0) return;
  const retry = h('button', { type: 'button', class: 'retry' }, '重新上传未成功的附件');
  retry.addEventListener('click', () => void sendPhotos(id, accessCode, failed, list));
  list.append(h('li', {}, retry));
}
