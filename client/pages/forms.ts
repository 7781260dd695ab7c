/**
 * Every form of the pages behaves alike: one Idempotency-Key per form, kept
 * across retries of the same attempt so a double tap or a retry after a lost
 * answer creates nothing twice; the server's problem details next to the
 * field each names (a field's `name` is the problem's path); and offline or a
 * 5xx, a retry that sends again what is still typed.
 */
import { newKey, type Outcome, type Problem } from './api.ts';
import { h } from './dom.ts';

/** Sends the form once with `key`; answers what came of it. */
export type Send<T> = (key: string) => Promise<Outcome<T>>;

const ERROR_CLASS = 'field-error';

function fieldOf(form: HTMLFormElement, path: string): HTMLElement | undefined {
  return form.querySelector<HTMLElement>(`[name="${CSS.escape(path)}"]`) ?? undefined;
}

/** Removes what the last attempt showed. */
function clear(form: HTMLFormElement, status: HTMLElement): void {
  for (const error of form.querySelectorAll(`.${ERROR_CLASS}`)) error.remove();
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    const described = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => !id.endsWith('-problem')).join(' ');
    if (described) field.setAttribute('aria-describedby', described);
    else field.removeAttribute('aria-describedby');
  }
  status.replaceChildren();
  status.className = 'form-status';
}

/** Shows each error next to its field, and the rest (and the detail) at the form's status; focuses the first. */
export function showProblem(form: HTMLFormElement, status: HTMLElement, problem: Problem): void {
  const unplaced: string[] = [];
  let first: HTMLElement | undefined;
  for (const error of problem.errors) {
    const field = fieldOf(form, error.path);
    if (!field) {
      unplaced.push(error.path ? `${error.path}: ${error.message}` : error.message);
      continue;
    }
    const id = `${field.id || error.path.replace(/\W/g, '-')}-problem`;
    const note = h('p', { class: ERROR_CLASS, id }, error.message);
    (field.closest('.field') ?? field).append(note);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    first ??= field;
  }
  status.className = 'form-status problem';
  status.replaceChildren(h('strong', {}, problem.title), ...[problem.detail, ...unplaced].filter(Boolean).map((line) => h('p', {}, line)));
  (first ?? status).focus();
}

/**
 * Binds `form`: each submit calls `send` with the form's key and hands an
 * answer to `done`. The key changes only once the server has answered (the
 * next attempt is another request); after no answer the same key goes again.
 */
export function bindForm<T>(form: HTMLFormElement, send: Send<T>, done: (data: T, status: number) => void): void {
  const status = form.querySelector<HTMLElement>('.form-status') ?? form.appendChild(h('div', { class: 'form-status' }));
  status.setAttribute('role', 'alert');
  status.tabIndex = -1;
  let key = newKey();
  let busy = false;
  const buttons = () => [...form.querySelectorAll<HTMLButtonElement>('button[type="submit"]')];

  async function attempt(): Promise<void> {
    if (busy) return;
    busy = true;
    form.setAttribute('aria-busy', 'true');
    for (const button of buttons()) button.disabled = true;
    clear(form, status);
    try {
      const outcome = await send(key);
      if (outcome.kind === 'unreachable') {
        status.className = 'form-status unreachable';
        const retry = h('button', { type: 'button', class: 'retry' }, '重试');
        retry.addEventListener('click', () => void attempt());
        status.replaceChildren(h('p', {}, '网络不通或服务暂时不可用。您填写的内容都还在，请稍后重试。'), retry);
        retry.focus();
        return;
      }
      key = newKey();
      if (outcome.kind === 'problem') showProblem(form, status, outcome.problem);
      else done(outcome.data, outcome.status);
    } finally {
      busy = false;
      form.removeAttribute('aria-busy');
      for (const button of buttons()) button.disabled = false;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void attempt();
  });
}

/** The trimmed value of the form's field `name`. */
export function valueOf(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null;
  return field?.value.trim() ?? '';
}
