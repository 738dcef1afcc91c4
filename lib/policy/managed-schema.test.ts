import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ManagedPolicySchema, readManagedPolicy } from './managed-policy';

const schema = JSON.parse(readFileSync(path.join(__dirname, '../../public/managed_schema.json'), 'utf8')) as {
  type: string;
  properties: Record<string, { type: string }>;
  additionalProperties?: unknown;
};

describe('public/managed_schema.json', () => {
  it('declares every policy key Yardstick reads, in the dialect Chrome accepts', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(ManagedPolicySchema.shape).sort());
  });
});

describe('the custom CRM, role and staleness policy keys', () => {
  it('are read when valid and named when not', () => {
    const { policy, rejectedKeys } = readManagedPolicy({
      customCrms: [{ urlPattern: 'https://crm\\.acme\\.com/deals/(?<id>\\d+)' }],
      allowedCrmHosts: ['https://crm.acme.com/*'],
      role: 'director',
      staleAmountChangePercent: 25,
    });
    expect(policy).toEqual({
      customCrms: [{ urlPattern: 'https://crm\\.acme\\.com/deals/(?<id>\\d+)' }],
      allowedCrmHosts: ['https://crm.acme.com/*'],
      staleAmountChangePercent: 25,
    });
    expect(rejectedKeys).toEqual(['role']);
    expect(readManagedPolicy({ role: 'manager' }).policy).toEqual({ role: 'manager' });
  });
});
