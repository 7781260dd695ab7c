/**
 * The recover page (recover.html): a verified phone gets a new access code
 * by SMS for each of its open cases (POST /v1/access-recovery); the old codes stop working. No answer shows a code.
 */
import { api, call } from './api.ts';
import { byId, h } from './dom.ts';
import { bindForm } from './forms.ts';
import { phoneVerification } from './verification.ts';

const form = byId<HTMLFormElement>('recover-form');
const verification = phoneVerification(form, byId<HTMLInputElement>('phone'), byId<HTMLInputElement>('verification-code'));

bindForm(
  form,
  async (key) => {
    const verified = verification.current();
    if (!verified) {
      return { kind: 'problem', problem: { type: 'about:blank', title: '请先获取并填写验证码', status: 400, detail: '', errors: [{ path: 'verification.code', message: '请填写短信验证码' }] } };
    }
    return call(() => api.POST('/v1/access-recovery', { params: { header: { 'Idempotency-Key': key } }, body: { verification: verified } }));
  },
  () => {
    form.hidden = true;
    const done = byId('recover-result');
    done.replaceChildren(h('h2', { tabindex: '-1' }, '新的查询码已通过短信发送'), h('p', {}, '该手机号每件正在办理的事项都会收到一条短信，原来的查询码不再有效。'));
    done.querySelector('h2')?.focus();
  },
);
