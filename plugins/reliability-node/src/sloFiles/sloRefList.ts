/** At most this many locations in one `reliability/slo-ref`. */
export const MAX_SLO_REFS = 20;

/**
 * The locations an annotation value names: one location, a comma-separated list
 * (`./a.yaml, ./b.yaml`) or a YAML flow list (`[./a.yaml, "./b.yaml"]`). Items may be
 * quoted; empty items are skipped. Pure: nothing is resolved.
 */
export function splitSloRefs(value: string): string[] {
  let text = value.trim();
  if (text.startsWith('[') && text.endsWith(']')) {
    text = text.slice(1, -1);
  }
  const refs: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (const char of text) {
    if (quote) {
      if (char === quote) {
        quote = undefined;
      } else {
        current += char;
      }
    } else if ((char === '"' || char === "'") && current.trim() === '') {
      quote = char;
      current = '';
    } else if (char === ',') {
      refs.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  refs.push(current.trim());
  return refs.filter(ref => ref !== '');
}
