import List from '@material-ui/core/List';
import ListItemText from '@material-ui/core/ListItemText';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import { createTheme, ThemeProvider } from '@material-ui/core/styles';
import { render, screen } from '@testing-library/react';
import { useReadableStyles } from './readableStyles';

/** The overrides of the Backstage theme (@backstage/theme) that cut and split words. */
const backstageLikeTheme = createTheme({
  overrides: {
    MuiTableCell: { root: { wordBreak: 'break-word', overflow: 'hidden' } },
    MuiListItemText: {
      dense: {
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
      },
    },
  },
});

function Sample() {
  const readable = useReadableStyles();
  return (
    <>
      <Table className={readable.table}>
        <TableBody>
          <TableRow>
            <TableCell>user:default/guest</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Table>
        <TableBody>
          <TableRow>
            <TableCell>themed cell</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <List dense>
        <ListItemText
          className={readable.wrapText}
          primary="A long fix hint that must wrap"
        />
        <ListItemText primary="A themed dense item" />
      </List>
    </>
  );
}

/** The CSS rules the page holds for a selector, as text (jsdom does not cascade them). */
function rulesFor(selectorStart: string): string {
  return [...document.querySelectorAll('style')]
    .map(style => style.textContent ?? '')
    .join('\n')
    .split('}')
    .filter(rule => rule.trim().startsWith(selectorStart))
    .join('}');
}

describe('useReadableStyles', () => {
  beforeEach(() => {
    render(
      <ThemeProvider theme={backstageLikeTheme}>
        <Sample />
      </ThemeProvider>,
    );
  });

  it('keeps words whole in table cells, where the Backstage theme lets them break', () => {
    const table = screen.getByText('user:default/guest').closest('table')!;
    const readableClass = [...table.classList].find(
      name => !name.startsWith('Mui'),
    );
    expect(readableClass).toBeDefined();
    const rules = rulesFor(`.${readableClass} th, .${readableClass} td`);
    expect(rules).toContain('word-break: normal');
    expect(rules).toContain('overflow-wrap: break-word');
  });

  it('wraps dense list items that the theme cuts to one line', () => {
    const item = screen
      .getByText('A long fix hint that must wrap')
      .closest('.MuiListItemText-root')!;
    const wrapClass = [...item.classList].find(name => !name.startsWith('Mui'));
    // Twice the class: more specific than the theme's .MuiListItemText-dense.
    const rules = rulesFor(`.${wrapClass}.${wrapClass}`);
    expect(rules).toContain('white-space: normal');
    expect(rules).toContain('text-overflow: clip');
    expect(rules).toContain('overflow: visible');
  });
});
