/**
 * A section filled from one read of the API: busy while it loads; offline or
 * a 5xx, a retry; a problem, its words; an answer, what `render` makes of it.
 */
import type { Outcome } from './api.ts';
import { h } from './dom.ts';

export async function showLoaded<T>(section: HTMLElement, load: () => Promise<Outcome<T>>, render: (data: T) => Promise<Node[]> | Node[]): Promise<void> {
  section.setAttribute('aria-busy', 'true');
  const outcome = await load();
  section.removeAttribute('aria-busy');
  if (outcome.kind === 'unreachable') {
    const retry = h('button', { type: 'button', class: 'retry' }, '重试');
    retry.addEventListener('click', () => void showLoaded(section, load, render));
    return section.replaceChildren(h('p', { role: 'alert' }, '网络不通或服务暂时不可用。'), retry);
  }
  if (outcome.kind === 'problem') return section.replaceChildren(h('p', { role: 'alert' }, outcome.problem.detail || outcome.problem.title));
  section.replaceChildren(...(await render(outcome.data)));
}
