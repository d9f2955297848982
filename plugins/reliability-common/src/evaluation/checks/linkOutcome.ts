import type { LinkInfo } from '../../types';
import { countOf } from '../format';
import type { CheckOutcome } from '../types';

/** Pass with the titles when there is at least one link of the type; else fail. */
export function linkOutcome(links: LinkInfo[], type: string): CheckOutcome {
  if (links.length === 0) {
    return {
      state: 'fail',
      message: `No link of type ${type} in metadata.links`,
    };
  }
  return {
    state: 'pass',
    message: `${countOf(links.length, `${type} link`)}: ${links
      .map(link => link.title)
      .join(', ')}`,
  };
}
