import bant from '../../public/definitions/bant.json';
import meddicc from '../../public/definitions/meddicc.json';
import meddpicc from '../../public/definitions/meddpicc.json';
import spiced from '../../public/definitions/spiced.json';
import { loadFixture } from '../../tests/unit/helpers/load-fixture';
import { BUILT_IN_PAGE_READERS } from '../crm/built-in-page-readers';
import type { BuiltInCrmId } from '../crm/crm-declaration';
import { resolveStage } from '../scoring/stage-gates';
import { DefinitionsV1Schema } from './schema-v1';

const FRAMEWORKS = { meddpicc, meddicc, bant, spiced };
const NOW = new Date('2026-11-02T09:30:00.000Z');
const DYNAMICS = 'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=';

/** Each CRM's English fixture deal pages, the URL each is read at, and the canonical stage its stage is. */
const FIXTURE_DEALS: [BuiltInCrmId, string, string, string][] = [
  [
    'salesforce-lightning',
    'opportunity-record',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxAAAV/view',
    'propose',
  ],
  [
    'salesforce-lightning',
    'opportunity-dynamic-forms',
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000DynFmAAJ/view',
    'solution',
  ],
  ['salesforce-classic', 'opportunity-detail', 'https://acme.my.salesforce.com/006Dn00000CLdtl', 'propose'],
  ['hubspot', 'deal-record', 'https://app.hubspot.com/contacts/2451127/record/0-3/18234567890', 'negotiate'],
  ['hubspot', 'deal-legacy', 'https://app.hubspot.com/contacts/2451127/deal/9876543210/', 'qualify'],
  ['dynamics365', 'opportunity-uci', `${DYNAMICS}7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d`, 'propose'],
  [
    'dynamics365',
    'opportunity-readonly-header',
    `${DYNAMICS}a2b4c6d8-1e3f-ee11-9abc-000d3a123456`,
    'solution',
  ],
  ['dynamics365', 'opportunity-missing-fields', `${DYNAMICS}0f9e8d7c-6b5a-ee11-8f6d-000d3a4b5c6e`, 'qualify'],
  ['dynamics365', 'opportunity-multisession', `${DYNAMICS}b3c4d5e6-f7a8-ee11-8f6d-000d3a4b5c70`, 'negotiate'],
  ['pipedrive', 'deal-detail', 'https://acme.pipedrive.com/deal/1042', 'propose'],
  ['pipedrive', 'deal-detail-legacy', 'https://acme.pipedrive.com/deal/877', 'qualify'],
];

describe.each(Object.entries(FRAMEWORKS))('the shipped %s definitions', (_id, json) => {
  const definitions = DefinitionsV1Schema.parse(json);

  it.each(FIXTURE_DEALS)('map the stage of the %s fixture %s', (crm, fixture, url, canonical) => {
    const reading = BUILT_IN_PAGE_READERS[crm].read(loadFixture(`${crm}/${fixture}`), url, NOW, {});
    if (reading.status !== 'ready') throw new Error(`expected ${fixture} to read, got ${reading.status}`);
    const stage = resolveStage(definitions, reading.snapshot.stage.text);
    expect(stage).toMatchObject({ kind: 'mapped', stage: { id: canonical } });
  });
});
