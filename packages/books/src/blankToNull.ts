/** null for a blank field (''), the text otherwise. */
export function blankToNull(text: string): string | null {
  return text === '' ? null : text;
}
