/**
 * Folds Vietnamese text for matching: people often type without diacritics ("da nang" for
 * "Đà Nẵng"). NFD splits the tone and vowel marks off; đ has no decomposition and needs mapping.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
