import { csvField, csvLine } from './csv';

describe('csvField', () => {
  it('leaves plain text, numbers and booleans bare', () => {
    expect(csvField('checkout')).toBe('checkout');
    expect(csvField('component:default/checkout')).toBe(
      'component:default/checkout',
    );
    expect(csvField(42)).toBe('42');
    expect(csvField(-1)).toBe('-1');
    expect(csvField(0)).toBe('0');
    expect(csvField(true)).toBe('true');
    expect(csvField(false)).toBe('false');
  });

  it('writes null, undefined and non-finite numbers as empty fields', () => {
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('quotes leading or trailing spaces so they survive', () => {
    expect(csvField(' padded ')).toBe('" padded "');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tTAB')).toBe("'\tTAB");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
  });

  it.each([
    [' =1+1', "' =1+1"],
    ['\u00a0=1+1', "'\u00a0=1+1"],
    ['  +1', "'  +1"],
    [';=1+1', "';=1+1"],
    [',=1+1', `"',=1+1"`],
    ['|=1+1', "'|=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['﹦1+1', "'﹦1+1"],
    ['−1', "'−1"],
  ])(
    'neutralises a formula behind whitespace, separators or look-alikes: %j',
    (value, expected) => {
      expect(csvField(value)).toBe(expected);
    },
  );

  it('leaves text with a sign later on bare', () => {
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('checkout-api')).toBe('checkout-api');
  });
});

describe('csvLine', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvLine(['a', 1, null, 'b,c', false])).toBe('a,1,,"b,c",false\r\n');
  });
});
