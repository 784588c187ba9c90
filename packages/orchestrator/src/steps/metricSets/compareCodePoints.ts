/**
 * Orders strings by Unicode code point — PostgreSQL's `collate "C"` on UTF-8 text, so a
 * record sorted here reads back in the order an `order by … collate "C"` gave. (JavaScript's
 * `<` compares UTF-16 code units, which differs once a string holds a character beyond
 * U+FFFF.) Returns < 0, 0 or > 0.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // a surrogate (U+D800–U+DFFF) stands for a code point above every BMP character
    const surrogateX = x >= 0xd800 && x <= 0xdfff;
    const surrogateY = y >= 0xd800 && y <= 0xdfff;
    if (surrogateX !== surrogateY) return surrogateX ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}
