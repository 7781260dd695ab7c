/**
 * The region picker: one select per level (province, city, county, township,
 * village), each filled from GET /v1/regions below the one chosen above it.
 * The region is the deepest one chosen, in the hidden field `name`.
 */
import { api, call } from './api.ts';
import { h } from './dom.ts';

const LEVELS = ['省', '市', '县（市、区）', '乡镇（街道）', '村（社区）'];

export interface RegionPicker {
  /** The deepest region chosen, '' when none. */
  readonly value: string;
  /** Called whenever the choice changes. */
  onChange(listener: (code: string) => void): void;
}

/**
 * Fills `fieldset` with the selects; `required` levels must be chosen (the
 * county for a petition: a case belongs to a county's office). A choice is
 * remembered on this device for the next visit to any page.
 */
export function regionPicker(fieldset: HTMLFieldSetElement, name: string, options: { requiredDepth: number; remember?: string } = { requiredDepth: 1 }): RegionPicker {
  const hidden = h('input', { type: 'hidden', name });
  const selects: HTMLSelectElement[] = [];
  const listeners: Array<(code: string) => void> = [];
  fieldset.append(hidden);

  const changed = () => {
    const chosen = selects.map((select) => select.value).filter(Boolean);
    hidden.value = chosen.at(-1) ?? '';
    if (options.remember) localStorage.setItem(options.remember, JSON.stringify(chosen));
    for (const listener of listeners) listener(hidden.value);
  };

  async function level(depth: number, parentCode: string | undefined, preset: string[]): Promise<void> {
    if (depth >= LEVELS.length) return;
    const outcome = await call(() => api.GET('/v1/regions', { params: { query: parentCode ? { parentCode } : {} } }));
    if (outcome.kind !== 'answer' || outcome.data.items.length === 0) return;
    // The choice above changed while this level loaded: a newer load fills it.
    if (selects.length !== depth || (depth > 0 && selects[depth - 1]?.value !== parentCode)) return;
    const id = `${fieldset.id}-${depth}`;
    const select = h(
      'select',
      { id, required: depth < options.requiredDepth },
      h('option', { value: '' }, depth < options.requiredDepth ? '请选择' : '（不选）'),
      ...outcome.data.items.map((region) => h('option', { value: region.code }, region.name)),
    );
    selects[depth] = select;
    fieldset.append(h('div', { class: 'field' }, h('label', { for: id }, LEVELS[depth] ?? ''), select));
    select.addEventListener('change', () => {
      for (const stale of selects.splice(depth + 1)) stale.closest('.field')?.remove();
      changed();
      if (select.value) void level(depth + 1, select.value, []);
    });
    const wanted = preset[0];
    if (wanted && outcome.data.items.some((region) => region.code === wanted)) {
      select.value = wanted;
      changed();
      await level(depth + 1, wanted, preset.slice(1));
    }
  }

  const remembered = options.remember ? (JSON.parse(localStorage.getItem(options.remember) ?? '[]') as string[]) : [];
  void level(0, undefined, remembered);
  return {
    get value() {
      return hidden.value;
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}
