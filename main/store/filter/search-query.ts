/**
 * Quick search text as an FTS5 query: each word becomes a quoted prefix term ("word"*), quotes
 * doubled, terms ANDed. Quoting makes FTS5 operators (OR, NOT, NEAR, column:, ^) plain words, and
 * the tokenizer splits "anna.petrova@example.com" inside the quotes exactly as it split the text.
 * Words without a letter or digit cannot match anything and are dropped; null when no word is left.
 */
export function searchQuery(text: string): string | null {
  const terms = text
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 32)
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return terms.length === 0 ? null : terms.join(' AND ');
}
