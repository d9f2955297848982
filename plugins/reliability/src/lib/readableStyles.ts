import { makeStyles } from '@material-ui/core/styles';

/**
 * Shared overrides of the Backstage theme for text people must be able to read.
 *
 * The theme gives table cells `word-break: break-word`, which lets the browser size a column
 * below its longest word and then split words ("Entit ies", "user:def ault"). Tables here keep
 * words whole (`word-break: normal`) and only break a single word that is wider than the whole
 * table could ever be (`overflow-wrap: break-word` does not shrink the column); a table wider
 * than its card scrolls sideways inside its container instead.
 *
 * The theme also cuts dense list items to one line with an ellipsis, which hid fix hints,
 * problem messages, target titles and waiver justifications: dense lists here wrap instead.
 */
export const useReadableStyles = makeStyles({
  table: {
    '& th, & td': {
      wordBreak: 'normal',
      overflowWrap: 'break-word',
      hyphens: 'manual',
    },
    // A narrow actions column stacks its buttons and chips instead of splitting their labels.
    '& .MuiButton-root, & .MuiChip-root': { whiteSpace: 'nowrap' },
  },
  /** For cells that must stay on one line: numbers, dates, chips. */
  nowrap: { '&&': { whiteSpace: 'nowrap' } },
  wrapText: {
    '&&': {
      whiteSpace: 'normal',
      overflow: 'visible',
      textOverflow: 'clip',
      overflowWrap: 'break-word',
    },
  },
});
