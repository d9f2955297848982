import { describeDuration, parseDuration } from './duration';

describe('parseDuration', () => {
  it.each([
    ['1m', 1],
    ['90m', 90],
    ['12h', 720],
    ['1d', 1440],
    ['28d', 40320],
    ['30d', 43200],
    ['4w', 40320],
    ['1M', 43200],
    ['3M', 129600],
    ['1Q', 129600],
    ['1Y', 525600],
  ])('reads %s as %d minutes', (text, minutes) => {
    expect(parseDuration(text)?.minutes).toBe(minutes);
  });

  it.each([
    '',
    '0d',
    '01d',
    '1.5d',
    '30 d',
    '30days',
    '1D',
    '1H',
    '1s',
    'd',
    '-1d',
    ' 1d',
  ])('rejects %j', text => {
    expect(parseDuration(text)).toBeNull();
  });

  it('keeps m (minute) and M (month) apart', () => {
    expect(parseDuration('1m')).toEqual({ amount: 1, unit: 'm', minutes: 1 });
    expect(parseDuration('1M')).toEqual({
      amount: 1,
      unit: 'M',
      minutes: 43200,
    });
  });
});

describe('describeDuration', () => {
  it('names the unit in words', () => {
    expect(describeDuration(parseDuration('1m')!)).toBe('one minute');
    expect(describeDuration(parseDuration('5m')!)).toBe('5 minutes');
    expect(describeDuration(parseDuration('1M')!)).toBe('one month');
    expect(describeDuration(parseDuration('2Q')!)).toBe('2 quarters');
  });
});
