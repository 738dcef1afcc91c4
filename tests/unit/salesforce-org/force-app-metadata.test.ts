import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  FORCE_APP_DEFAULT,
  listMetadataFiles,
  readMetadataFile,
  readScoreObjectFields,
  type MetadataFile,
} from '../../support/force-app-metadata';

const METADATA_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

// Element names of each type as the Metadata API reference lists them (the subset these files may use).
const ALLOWED_ELEMENTS: Record<string, { suffix: string; elements: string[] }> = {
  CustomObject: {
    suffix: '.object-meta.xml',
    elements: [
      'allowInChatterGroups',
      'deploymentStatus',
      'description',
      'enableActivities',
      'enableBulkApi',
      'enableFeeds',
      'enableHistory',
      'enableLicensing',
      'enableReports',
      'enableSearch',
      'enableSharing',
      'enableStreamingApi',
      'externalSharingModel',
      'label',
      'nameField',
      'pluralLabel',
      'searchLayouts',
      'sharingModel',
      'visibility',
    ],
  },
  CustomField: {
    suffix: '.field-meta.xml',
    elements: [
      'fullName',
      'caseSensitive',
      'deleteConstraint',
      'description',
      'externalId',
      'label',
      'length',
      'precision',
      'referenceTo',
      'relationshipLabel',
      'relationshipName',
      'required',
      'scale',
      'trackFeedHistory',
      'trackHistory',
      'trackTrending',
      'type',
      'unique',
      'valueSet',
      'visibleLines',
    ],
  },
  PermissionSet: {
    suffix: '.permissionset-meta.xml',
    elements: ['description', 'fieldPermissions', 'hasActivationRequired', 'label', 'objectPermissions'],
  },
  ReportType: {
    suffix: '.reportType-meta.xml',
    elements: ['baseObject', 'category', 'deployed', 'description', 'label', 'sections'],
  },
};

function readAll(): MetadataFile[] {
  return listMetadataFiles().map((path) => {
    const read = readMetadataFile(path);
    if (!read.ok) throw new Error(read.error);
    return read.file;
  });
}

function fileOf(path: string): MetadataFile {
  const read = readMetadataFile(path);
  if (!read.ok) throw new Error(read.error);
  return read.file;
}

describe('force-app metadata', () => {
  it('sits where sf expects it: sfdx-project.json at the root names force-app as the default package', () => {
    const project = JSON.parse(
      readFileSync(join(FORCE_APP_DEFAULT, '..', '..', '..', 'sfdx-project.json'), 'utf8'),
    );
    expect(project.packageDirectories).toEqual([{ path: 'force-app', default: true }]);
    expect(project.sourceApiVersion).toMatch(/^\d+\.0$/);
  });

  it('has the object, its fields, both permission sets and the report type', () => {
    const paths = listMetadataFiles();
    expect(paths).toContain('objects/Yardstick_Score__c/Yardstick_Score__c.object-meta.xml');
    expect(paths).toContain('permissionsets/Yardstick_Rep.permissionset-meta.xml');
    expect(paths).toContain('permissionsets/Yardstick_Auditor.permissionset-meta.xml');
    expect(paths).toContain('reportTypes/Yardstick_Scores.reportType-meta.xml');
    expect(paths.filter((path) => path.endsWith('.field-meta.xml')).length).toBeGreaterThanOrEqual(15);
  });

  it('parses every file as well-formed XML in the metadata namespace, with known elements in sorted order', () => {
    for (const file of readAll()) {
      const type = ALLOWED_ELEMENTS[file.rootElement];
      expect(type, `${file.path}: root ${file.rootElement}`).toBeDefined();
      expect(file.path.endsWith(type!.suffix), file.path).toBe(true);
      expect(file.namespace, file.path).toBe(METADATA_NAMESPACE);
      for (const element of file.childElements) {
        expect(type!.elements, `${file.path}: <${element}>`).toContain(element);
      }
      // sf writes elements in alphabetical order (fullName first on fields); keep retrieve diffs empty.
      const rest = file.childElements.filter((element) => element !== 'fullName');
      expect(rest, file.path).toEqual([...rest].sort());
    }
  });

  it('reports a malformed file with its line and column instead of throwing', () => {
    const read = readMetadataFile('broken.field-meta.xml', join(import.meta.dirname, 'fixtures'));
    expect(read).toEqual({ ok: false, error: expect.stringMatching(/^broken\.field-meta\.xml:4:\d+: /) });
  });

  it('keeps scores private: org-wide default Private inside and outside, sharing on', () => {
    const object = fileOf('objects/Yardstick_Score__c/Yardstick_Score__c.object-meta.xml').content;
    expect(object.sharingModel).toBe('Private');
    expect(object.externalSharingModel).toBe('Private');
    expect(object.enableSharing).toBe('true');
    expect(object.enableReports).toBe('true');
  });

  it('keys scores by a unique external id and links them to Opportunity by lookup, not master-detail', () => {
    const fields = readScoreObjectFields();
    const key = fields.find((field) => field.name === 'Score_Key__c');
    expect(key).toMatchObject({ externalId: true, unique: true, required: true, type: 'Text' });
    expect(fields.find((field) => field.name === 'Opportunity__c')).toMatchObject({
      type: 'Lookup',
      referenceTo: 'Opportunity',
    });
    expect(fields.find((field) => field.name === 'Context__c')?.picklistValues).toEqual([
      'deal',
      'calibration',
    ]);
    expect(fields.every((field) => field.name === 'Score_Key__c' || !field.required)).toBe(true);
  });

  it('gives each permission set every non-required field, and only the auditor View All', () => {
    const optional = readScoreObjectFields()
      .filter((field) => !field.required)
      .map((field) => `Yardstick_Score__c.${field.name}`);
    const rep = fileOf('permissionsets/Yardstick_Rep.permissionset-meta.xml').content;
    const auditor = fileOf('permissionsets/Yardstick_Auditor.permissionset-meta.xml').content;
    for (const set of [rep, auditor]) {
      const fields = (set.fieldPermissions as { field: string }[]).map((permission) => permission.field);
      expect(fields.sort()).toEqual(optional.sort());
    }
    expect(rep.objectPermissions).toEqual([
      expect.objectContaining({
        allowCreate: 'true',
        allowRead: 'true',
        allowEdit: 'false',
        viewAllRecords: 'false',
      }),
    ]);
    expect(auditor.objectPermissions).toEqual([
      expect.objectContaining({ allowRead: 'true', viewAllRecords: 'true', modifyAllRecords: 'false' }),
    ]);
  });

  it('offers every custom field in the report type', () => {
    const report = fileOf('reportTypes/Yardstick_Scores.reportType-meta.xml').content;
    expect(report.baseObject).toBe('Yardstick_Score__c');
    const sections = report.sections as { columns: { field: string; table: string }[] }[];
    const columns = sections.flatMap((section) => section.columns.map((column) => column.field));
    for (const field of readScoreObjectFields()) expect(columns).toContain(field.name);
    expect(existsSync(join(FORCE_APP_DEFAULT, 'objects', 'Yardstick_Score__c', 'fields'))).toBe(true);
  });
});
