/**
 * HTML built only through the {@link html} tag: every interpolated value is escaped
 * (`& < > " '`) unless it is already {@link SafeHtml} (the result of another `html`
 * template or of {@link rawHtml} on text this program wrote). Query strings, headers,
 * portfolio ids and names therefore reach a page as text, never as markup.
 */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** What a template may interpolate: arrays are joined, null/undefined/false render nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | HtmlValue[];

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `text` with the five HTML-special characters replaced by entities (safe in text and quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** Tagged template: literal parts are kept, every interpolation is escaped by {@link render}. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Markup this program wrote itself (an SVG it drew, an asset); never call it on input. */
export function rawHtml(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

/**
 * `value` as JSON that is safe inside `<script type="application/json">`: `<`, `>`, `&`
 * and the JS line separators are written as `\u` escapes, so no `</script>` can end the
 * element early; `JSON.parse` of the element's text gives `value` back.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value).replace(
      /[<>&\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    ),
  );
}

/** A path segment for a link (`/portfolios/${pathSegment(id)}`), percent-encoded. */
export function pathSegment(text: string): string {
  return encodeURIComponent(text);
}
