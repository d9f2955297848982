import { DateTime } from 'luxon';
import {
  refusalMessage,
  validateComment,
  validateEvidenceUrl,
  validateWaiverExpiry,
  waiverExpiryRange,
} from './reviewForms';

const now = DateTime.fromISO('2026-11-22T10:00:00Z', { zone: 'utc' });

describe('validateEvidenceUrl', () => {
  it('accepts http and https links', () => {
    expect(validateEvidenceUrl('https://wiki.example.com/x')).toBeUndefined();
    expect(
      validateEvidenceUrl(' http://ci.example.com/run/1 '),
    ).toBeUndefined();
  });

  it('refuses empty values, other schemes and text', () => {
    expect(validateEvidenceUrl('  ')).toMatch(/Link the evidence/);
    expect(validateEvidenceUrl('ftp://x.example.com')).toBe(
      'The evidence must be an http(s) link',
    );
    expect(validateEvidenceUrl('see the wiki')).toBe(
      'The evidence must be an http(s) link',
    );
  });
});

describe('validateComment', () => {
  it('requires a non-blank comment when asked', () => {
    expect(validateComment(' ', { required: true })).toBe(
      'A comment is required',
    );
    expect(
      validateComment('', { required: true, what: 'A justification' }),
    ).toBe('A justification is required');
    expect(validateComment('', { required: false })).toBeUndefined();
  });

  it('refuses more than 2000 characters', () => {
    expect(
      validateComment('x'.repeat(2000), { required: true }),
    ).toBeUndefined();
    expect(validateComment('x'.repeat(2001), { required: true })).toBe(
      'A comment may be at most 2000 characters (now 2001)',
    );
  });
});

describe('waiver expiry', () => {
  it('offers tomorrow up to the last whole day within the maximum', () => {
    expect(waiverExpiryRange(180, now)).toEqual({
      min: '2026-11-23',
      max: '2027-05-20',
    });
  });

  it('validates the chosen date against that range', () => {
    expect(validateWaiverExpiry('2026-12-01', 180, now)).toBeUndefined();
    expect(validateWaiverExpiry('2027-05-20', 180, now)).toBeUndefined();
    expect(validateWaiverExpiry('2027-05-21', 180, now)).toBe(
      'A waiver may last at most 180 days (until 2027-05-20)',
    );
    expect(validateWaiverExpiry('2026-11-22', 180, now)).toBe(
      'The expiry must be in the future',
    );
    expect(validateWaiverExpiry('', 180, now)).toBe(
      'Choose when the waiver expires',
    );
    expect(validateWaiverExpiry('2026-02-30', 180, now)).toBe(
      'Enter a date as YYYY-MM-DD',
    );
  });
});

describe('refusalMessage', () => {
  it('prefers the backend message of a ResponseError', () => {
    expect(
      refusalMessage({
        message: 'Request failed with 403 Forbidden',
        body: { error: { message: 'You may not attest checks of x' } },
      }),
    ).toBe('You may not attest checks of x');
  });

  it('falls back to the error message', () => {
    expect(refusalMessage(new Error('network down'))).toBe('network down');
    expect(refusalMessage('weird')).toBe('weird');
  });
});
