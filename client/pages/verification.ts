/**
 * Phone verification inside a form (POST /v1/verifications): the button
 * beside the phone field sends a 6-digit code by SMS; the form then carries
 * `verification: { id, code }` with the code typed into the field named
 * `verification.code`. The server's problems (a bad phone, 429 too soon) show
 * next to the phone field as any form's do.
 */
import type { components } from '../index.ts';
import { api, call } from './api.ts';
import { h } from './dom.ts';
import { showProblem } from './forms.ts';

/** How long the button waits after a code is sent: the contract allows one request per phone per 60 s. */
const RESEND_SECONDS = 60;

type Verification = components['schemas']['PostAccessRecoveryBody']['verification'];

export interface PhoneVerification {
  /** What the form sends, once a code was requested and typed; else undefined. */
  current(): Verification | undefined;
}

export function phoneVerification(form: HTMLFormElement, phone: HTMLInputElement, code: HTMLInputElement): PhoneVerification {
  let verificationId: string | undefined;
  const button = h('button', { type: 'button', class: 'secondary' }, '获取验证码');
  const status = h('div', { class: 'form-status', role: 'status', tabindex: '-1' });
  phone.closest('.field')?.append(button, status);

  function countDown(seconds: number): void {
    button.disabled = true;
    button.textContent = `${seconds} 秒后可重发`;
    if (seconds > 0) setTimeout(() => countDown(seconds - 1), 1000);
    else {
      button.disabled = false;
      button.textContent = '重新获取验证码';
    }
  }

  button.addEventListener('click', async () => {
    button.disabled = true;
    status.replaceChildren();
    const outcome = await call(() => api.POST('/v1/verifications', { body: { phone: phone.value.trim() } }));
    button.disabled = false;
    if (outcome.kind === 'unreachable') {
      status.replaceChildren(h('p', {}, '网络不通或服务暂时不可用，请稍后再获取验证码。'));
      return;
    }
    if (outcome.kind === 'problem') {
      // The verification's own field is `phone`: shown at this form's phone field, whatever its name.
      const errors = outcome.problem.errors.map((error) => (error.path === 'phone' ? { ...error, path: phone.name } : error));
      showProblem(form, status, { ...outcome.problem, errors });
      return;
    }
    verificationId = outcome.data.verificationId;
    status.replaceChildren(h('p', {}, '验证码已发送，5 分钟内有效。'));
    code.focus();
    countDown(RESEND_SECONDS);
  });

  return {
    current() {
      const typed = code.value.trim();
      return verificationId && typed ? { id: verificationId, code: typed } : undefined;
    },
  };
}
