import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');

/**
 * Parses `tests/fixtures/<name>` (`.html` optional, e.g. `salesforce-lightning/opportunity-record`)
 * into a fresh Document. happy-dom 21 does not attach declarative shadow roots
 * (`<template shadowrootmode>`) when parsing, so they are attached here, as Chromium's parser does.
 */
export function loadFixture(name: string): Document {
  const file = name.endsWith('.html') ? name : `${name}.html`;
  const html = readFileSync(join(FIXTURES, file), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

/** Turns every `<template shadowrootmode>` below `root` (nested ones too) into a real shadow root. */
export function attachDeclarativeShadowRoots(root: ParentNode): void {
  for (const template of Array.from(root.querySelectorAll<HTMLTemplateElement>('template[shadowrootmode]'))) {
    const host = template.parentElement;
    const mode = template.getAttribute('shadowrootmode');
    // A host that already has a shadow root means the parser attached it itself.
    if (!host || host.shadowRoot || (mode !== 'open' && mode !== 'closed')) continue;
    const shadow = host.attachShadow({ mode });
    shadow.append(template.content);
    template.remove();
    attachDeclarativeShadowRoots(shadow);
  }
}
