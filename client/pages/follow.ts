/**
 * The follow page (follow.html): a case by its id and access code, with its
 * timeline, the messages sent, the attachments; rating the reply, asking
 * for review, urging, adding files.
 */
import { forgetCase, rememberCase, rememberedCase, type CaseAccess } from './access.ts';
import { api, call, type Outcome } from './api.ts';
import { ACCEPTED, attachmentList, uploadAll } from './attachments.ts';
import { chinaMinute } from '../../functions/domain/calendar.ts';
import { STATUS_NAMES } from '../../functions/domain/display-names.ts';
import type { components } from '../index.ts';
import { byId, h } from './dom.ts';
import { bindForm, valueOf } from './forms.ts';
import { messageList } from './messages.ts';
import { urgeForm } from './urge.ts';

type Progress = components['schemas']['Progress'];

const LEVEL: Readonly<Record<string, string>> = { province: '省级', city: '市级', county: '县级', township: '乡镇级', village: '村级' };
/** Urging is for a case still open; rating and contesting follow a reply or an opinion (status replied). */
const OPEN: ReadonlySet<string> = new Set(['received', 'accepted', 'forwarded', 'under_review', 'under_rereview']);
/** The one "not found" for an unknown case and a wrong code alike: the server answers both 404. */
const NOT_FOUND = '没有找到这件信访事项，请核对查询编号和查询码。';

const lookup = byId<HTMLFormElement>('lookup-form');
const view = byId('case-view');
const status = byId('follow-status');

function fetchProgress(access: CaseAccess): Promise<Outcome<Progress>> {
  return call(() => api.GET('/v1/cases/{id}/progress', { params: { path: { id: access.id } }, headers: { 'X-Access-Code': access.accessCode } }));
}

bindForm(
  lookup,
  async () => {
    const outcome = await fetchProgress({ id: valueOf(lookup, 'id'), accessCode: valueOf(lookup, 'accessCode') });
    if (outcome.kind !== 'problem' || outcome.problem.status !== 404) return outcome;
    return { kind: 'problem', problem: { ...outcome.problem, title: '未找到', detail: NOT_FOUND, errors: [] } };
  },
  (progress) => {
    const access = { id: progress.id, accessCode: valueOf(lookup, 'accessCode') };
    rememberCase(access);
    void show(access, progress);
  },
);

const remembered = rememberedCase();
if (remembered) {
  (lookup.elements.namedItem('id') as HTMLInputElement).value = remembered.id;
  (lookup.elements.namedItem('accessCode') as HTMLInputElement).value = remembered.accessCode;
  lookup.requestSubmit();
}

/** Reads the case again and shows it, with `confirmation` of what was just done. */
async function refresh(access: CaseAccess, confirmation: string): Promise<void> {
  const outcome = await fetchProgress(access);
  if (outcome.kind === 'answer') await show(access, outcome.data);
  status.textContent = confirmation;
}

async function show(access: CaseAccess, progress: Progress): Promise<void> {
  const done = (confirmation: string) => void refresh(access, confirmation);
  const [messages, attachments] = await Promise.all([messageList(access.id, access.accessCode), attachmentList(access.id, access.accessCode)]);
  const caseNumber = typeof progress.caseNumber === 'string' ? progress.caseNumber : progress.id;
  const leave = h('button', { type: 'button', class: 'secondary' }, '查询其他事项');
  leave.addEventListener('click', () => {
    forgetCase();
    view.replaceChildren();
    lookup.hidden = false;
    lookup.reset();
  });
  lookup.hidden = true;
  view.replaceChildren(
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'case-heading' },
      h('h2', { id: 'case-heading', tabindex: '-1' }, `信访件 ${caseNumber}`),
      h(
        'dl',
        { class: 'receipt' },
        h('dt', {}, '状态'),
        h('dd', { id: 'case-status' }, STATUS_NAMES[progress.status] ?? progress.status),
        ...(progress.level ? [h('dt', {}, '督办层级'), h('dd', {}, LEVEL[progress.level] ?? progress.level)] : []),
        ...(progress.dueAt ? [h('dt', {}, '办理期限'), h('dd', {}, chinaMinute(progress.dueAt))] : []),
      ),
      leave,
    ),
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'timeline-heading' },
      h('h2', { id: 'timeline-heading' }, '办理经过'),
      h('ol', { class: 'timeline' }, ...progress.timeline.map((step) => h('li', {}, h('time', { datetime: step.at }, chinaMinute(step.at)), h('p', {}, step.note)))),
    ),
    h('section', { class: 'card', 'aria-labelledby': 'messages-heading' }, h('h2', { id: 'messages-heading' }, '发给您的短信'), messages),
    h('section', { class: 'card', 'aria-labelledby': 'attachments-heading' }, h('h2', { id: 'attachments-heading' }, '附件'), attachments, addFilesForm(access, done)),
    ...(progress.status === 'replied' ? [evaluationForm(access, done), reviewForm(access, done)] : []),
    ...(OPEN.has(progress.status) ? [urgeForm(access.id, access.accessCode, done)] : []),
  );
  view.querySelector<HTMLElement>('#case-heading')?.focus();
}

function evaluationForm(access: CaseAccess, done: (confirmation: string) => void): HTMLFormElement {
  const ratings = [
    ['satisfied', '满意'],
    ['basically_satisfied', '基本满意'],
    ['dissatisfied', '不满意'],
  ] as const;
  const form = h(
    'form',
    { id: 'evaluation-form', class: 'card' },
    h(
      'fieldset',
      { class: 'field' },
      h('legend', {}, h('h2', {}, '评价答复')),
      ...ratings.map(([value, label]) => h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'rating', value, required: true }), label)),
    ),
    h('div', { class: 'field' }, h('label', { for: 'evaluation-comment' }, '意见（可不填）'), h('textarea', { id: 'evaluation-comment', name: 'comment', rows: '3', maxlength: '1000' })),
    h('button', { type: 'submit' }, '提交评价'),
  );
  bindForm(
    form,
    (key) => {
      const comment = valueOf(form, 'comment');
      const rating = valueOf(form, 'rating') as (typeof ratings)[number][0];
      return call(() =>
        api.POST('/v1/cases/{id}/evaluation', {
          params: { path: { id: access.id } },
          headers: { 'X-Access-Code': access.accessCode, 'Idempotency-Key': key },
          body: { rating, ...(comment && { comment }) },
        }),
      );
    },
    () => done('感谢您的评价。'),
  );
  return form;
}

function reviewForm(access: CaseAccess, done: (confirmation: string) => void): HTMLFormElement {
  const form = h(
    'form',
    { id: 'review-form', class: 'card' },
    h('h2', {}, '申请复查、复核'),
    h('p', {}, '对答复不服的，可在收到答复之日起 30 日内申请上一级复查；对复查意见不服的，可在 30 日内申请复核。'),
    h('div', { class: 'field' }, h('label', { for: 'review-reason' }, '理由'), h('textarea', { id: 'review-reason', name: 'reason', rows: '3', required: true, maxlength: '2000' })),
    h('button', { type: 'submit' }, '提交申请'),
  );
  bindForm(
    form,
    (key) =>
      call(() =>
        api.POST('/v1/cases/{id}/review-request', {
          params: { path: { id: access.id } },
          headers: { 'X-Access-Code': access.accessCode, 'Idempotency-Key': key },
          body: { reason: valueOf(form, 'reason') },
        }),
      ),
    () => done('复查申请已提交。'),
  );
  return form;
}

function addFilesForm(access: CaseAccess, done: (confirmation: string) => void): HTMLFormElement {
  const files = h('input', { type: 'file', id: 'more-files', name: 'files', multiple: true, accept: ACCEPTED.join(','), required: true });
  const form = h(
    'form',
    { id: 'files-form' },
    h('div', { class: 'field' }, h('label', { for: 'more-files' }, '补充照片或材料（JPG、PNG、PDF，每个不超过 10 MB）'), files),
    h('button', { type: 'submit', class: 'secondary' }, '上传'),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const { failed, lines } = await uploadAll(access.id, access.accessCode, [...(files.files ?? [])]);
    if (failed.length === 0) return done('附件已上传。');
    form.append(h('ul', { class: 'uploads', role: 'alert' }, ...lines));
  });
  return form;
}
