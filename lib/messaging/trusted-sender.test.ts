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
