import { isShown, textOf, textOfAtMost } from './crm-adapter';

function pageWith(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

describe('isShown', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.head.innerHTML = '';
  });

  it('is false for an element a stylesheet hides, which markup alone does not tell', () => {
    const doc = pageWith(
      '<div class="cached"><span id="name">Acme</span></div><span id="other">Globex</span>',
    );
    const style = doc.createElement('style');
    style.textContent = '.cached { display: none; }';
    doc.head.append(style);
    expect(isShown(doc.getElementById('name')!)).toBe(false);
    expect(isShown(doc.getElementById('other')!)).toBe(true);
  });

  it('is false under a hidden or inline display:none ancestor', () => {
    const doc = pageWith(
      '<div hidden><b id="a">x</b></div><div style="display: none"><b id="b">y</b></div><b id="c">z</b>',
    );
    expect(isShown(doc.getElementById('a')!)).toBe(false);
    expect(isShown(doc.getElementById('b')!)).toBe(false);
    expect(isShown(doc.getElementById('c')!)).toBe(true);
  });

  it('asks for the style only, never the layout, when the browser can check visibility', () => {
    const doc = pageWith('<span id="name">Acme</span>');
    const name = doc.getElementById('name')!;
    const layout = vi.spyOn(name, 'getClientRects');
    const style = vi.spyOn(name, 'checkVisibility');
    expect(isShown(name)).toBe(true);
    expect(style).toHaveBeenCalledOnce();
    expect(layout).not.toHaveBeenCalled();
  });

  it('stops at markup that hides an ancestor before asking the browser anything', () => {
    const doc = pageWith('<div hidden><span id="name">Acme</span></div>');
    const name = doc.getElementById('name')!;
    const style = vi.spyOn(name, 'checkVisibility');
    expect(isShown(name)).toBe(false);
    expect(style).not.toHaveBeenCalled();
  });
});

describe('textOfAtMost', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is the element’s text when it fits, counted after whitespace collapses', () => {
    const doc = pageWith('<p id="label">  Lead\n\n   Source  <button>Edit</button></p>');
    const label = doc.getElementById('label')!;
    expect(textOfAtMost(label, 11)).toBe('Lead Source');
    expect(textOfAtMost(label, 11)).toBe(textOf(label));
  });

  it('is null when the text is longer, inside shadow roots too', () => {
    const doc = pageWith('<div id="block"><span id="host"></span></div>');
    const host = doc.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<span>Stage</span> <span>Proposal/Price Quote</span>';
    const block = doc.getElementById('block')!;
    expect(textOfAtMost(block, 25)).toBeNull();
    expect(textOfAtMost(block, 26)).toBe('Stage Proposal/Price Quote');
  });
});
