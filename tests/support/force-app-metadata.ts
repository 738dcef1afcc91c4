import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** The Salesforce DX source folder at the repository root, as `sf project deploy start` reads it. */
export const FORCE_APP_DEFAULT = join(import.meta.dirname, '..', '..', 'force-app', 'main', 'default');

/** The scores object's API name, as the metadata folder names it. */
export const SCORE_OBJECT_FOLDER = 'Yardstick_Score__c';

/** One custom field of the scores object, as its field-meta.xml declares it. */
export interface DeclaredField {
  name: string;
  type: string;
  required: boolean;
  externalId: boolean;
  unique: boolean;
  length: number | null;
  precision: number | null;
  scale: number | null;
  referenceTo: string | null;
  picklistValues: string[] | null;
}

/** One metadata file: its path under force-app/main/default, root element and child element names in order. */
export interface MetadataFile {
  path: string;
  rootElement: string;
  namespace: string | undefined;
  childElements: string[];
  /** The file parsed to plain values (repeated elements stay single unless listed in `arrays`). */
  content: Record<string, unknown>;
}

const REPEATED = new Set(['fieldPermissions', 'objectPermissions', 'columns', 'sections', 'value']);

/** Every `*-meta.xml` file under force-app/main/default, relative paths sorted. */
export function listMetadataFiles(root = FORCE_APP_DEFAULT): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('-meta.xml')) found.push(relative(root, path));
    }
  };
  walk(root);
  return found.sort();
}

/** Reads one metadata file; a malformed file is an error value naming the line and column. */
export function readMetadataFile(
  path: string,
  root = FORCE_APP_DEFAULT,
): { ok: true; file: MetadataFile } | { ok: false; error: string } {
  const xml = readFileSync(join(root, path), 'utf8');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, error: `${path}:${valid.err.line}:${valid.err.col}: ${valid.err.msg}` };
  }
  const ordered = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as Record<
    string,
    unknown
  >[];
  const rootNode = ordered.find((node) => !Object.keys(node).some((key) => key.startsWith('?')));
  if (!rootNode) return { ok: false, error: `${path}: no root element` };
  const rootElement = Object.keys(rootNode).find((key) => key !== ':@') ?? '';
  const attributes = rootNode[':@'] as Record<string, string> | undefined;
  const children = rootNode[rootElement] as Record<string, unknown>[];
  const content = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    isArray: (name) => REPEATED.has(name),
  }).parse(xml) as Record<string, Record<string, unknown>>;
  return {
    ok: true,
    file: {
      path,
      rootElement,
      namespace: attributes?.['@_xmlns'],
      childElements: children.map((child) => Object.keys(child)[0] ?? ''),
      content: content[rootElement] ?? {},
    },
  };
}

/** The scores object's custom fields, read from its field-meta.xml files (the org's columns). */
export function readScoreObjectFields(root = FORCE_APP_DEFAULT): DeclaredField[] {
  const fieldsDir = join('objects', SCORE_OBJECT_FOLDER, 'fields');
  return readdirSync(join(root, fieldsDir))
    .filter((name) => name.endsWith('.field-meta.xml'))
    .sort()
    .map((name) => {
      const read = readMetadataFile(join(fieldsDir, name), root);
      if (!read.ok) throw new Error(read.error);
      const field = read.file.content;
      const number = (key: string) => (field[key] === undefined ? null : Number(field[key]));
      const valueSet = field.valueSet as
        { valueSetDefinition?: { value?: { fullName: string }[] } } | undefined;
      return {
        name: String(field.fullName),
        type: String(field.type),
        required: field.required === 'true',
        externalId: field.externalId === 'true',
        unique: field.unique === 'true',
        length: number('length'),
        precision: number('precision'),
        scale: number('scale'),
        referenceTo: field.referenceTo === undefined ? null : String(field.referenceTo),
        picklistValues: valueSet?.valueSetDefinition?.value?.map((value) => String(value.fullName)) ?? null,
      };
    });
}
