/**
 * An auto-escaping `html` tagged template: every interpolated value is
 * escaped for HTML and SVG unless it is itself `Html` made by this template,
 * so no caller has to remember to escape what petitioners and staff wrote.
 */

/** Markup made by the `html` template: safe to interpolate as it is. */
export class Html {
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text escaped for HTML and SVG, element content and quoted attribute values alike. */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** What may be interpolated: `Html` as it is, arrays joined, `null`/`undefined`/`false` as nothing, anything else escaped. */
export type Interpolation = Html | string | number | boolean | null | undefined | readonly Interpolation[];

function render(value: Interpolation): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/**
 * Builds markup from a template: the literal parts are taken as they are (they
 * are ours), every `${value}` is escaped unless it is `Html`.
 *
 * @example html`<td title="${id}">${title}</td>` // both escaped
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let markup = strings[0]!;
  values.forEach((value, i) => {
    markup += render(value) + strings[i + 1]!;
  });
  return new Html(markup);
}
