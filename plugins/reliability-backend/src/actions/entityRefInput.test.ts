import { parseEntityRefInput } from './entityRefInput';

describe('parseEntityRefInput', () => {
  it.each([
    ['component:default/checkout-api', 'component:default/checkout-api'],
    ['Component:default/Checkout-API', 'component:default/checkout-api'],
    ['checkout-api', 'component:default/checkout-api'],
    ['system:payments', 'system:default/payments'],
    ['  component:ops/ledger  ', 'component:ops/ledger'],
  ])('reads %p as %p', (input, expected) => {
    expect(parseEntityRefInput(input)).toBe(expected);
  });

  it.each([
    ['component:default/Not A Name'],
    ['component:default/'],
    ['a:b:c/d'],
    ['component:default/x'.padEnd(90, 'x')],
  ])('refuses %p, naming the field', input => {
    expect(() => parseEntityRefInput(input)).toThrow(/^Invalid entityRef: /);
  });
});
