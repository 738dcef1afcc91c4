import { classifySender } from './trusted-sender';

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};

describe('classifySender', () => {
  it('accepts our options page', () => {
    expect(
      classifySender({ id: self.id, url: `${self.origin}/options.html`, origin: self.origin }, self),
    ).toBe('extension-page');
  });

  it('accepts our content script in a CRM tab', () => {
    const sender = {
      id: self.id,
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/x/view',
      tab: { id: 3 },
    };
    expect(classifySender(sender, self)).toBe('content-script');
  });

  it('refuses another extension', () => {
    expect(
      classifySender({ id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzz/x.html' }, self),
    ).toBeNull();
  });

  it('refuses a sender without an id, such as a web page', () => {
    expect(classifySender({ url: 'https://evil.example/', tab: { id: 1 } }, self)).toBeNull();
  });

  it('refuses a sender of our id that is neither our page nor in a tab', () => {
    expect(classifySender({ id: self.id, url: 'https://acme.lightning.force.com/' }, self)).toBeNull();
  });
});

describe('classifySender and docked pages', () => {
  it('names our page docked in a CRM tab as docked, not as a free extension page', () => {
    const sender = {
      id: self.id,
      url: `${self.origin}/sidebar-frame.html`,
      origin: self.origin,
      frameId: 7,
      tab: { id: 3, url: 'https://acme.lightning.force.com/lightning/r/Opportunity/x/view' },
    };
    expect(classifySender(sender, self)).toBe('docked-page');
  });

  it('keeps our options page opened in its own tab an extension page', () => {
    const sender = {
      id: self.id,
      url: `${self.origin}/options.html`,
      origin: self.origin,
      frameId: 0,
      tab: { id: 4, url: `${self.origin}/options.html` },
    };
    expect(classifySender(sender, self)).toBe('extension-page');
  });

  it('treats our subframe in a tab whose URL it cannot see as docked', () => {
    const sender = {
      id: self.id,
      url: `${self.origin}/sidebar-frame.html`,
      origin: self.origin,
      frameId: 2,
      tab: { id: 5 },
    };
    expect(classifySender(sender, self)).toBe('docked-page');
  });
});
