import '../../lib/zod-jitless';
import './options.css';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { OptionsApp } from '../../components/options/OptionsApp';
import type { OptionsBackend } from '../../components/options/options-backend';
import { MessageType } from '../../lib/messaging/protocol-names';

const backend: OptionsBackend = {
  getSettings: () => browser.runtime.sendMessage({ type: MessageType.getSettings }),
  setRater: (rater) => browser.runtime.sendMessage({ type: MessageType.setRater, rater }),
  importDefinitions: (fileName, text) =>
    browser.runtime.sendMessage({ type: MessageType.importDefinitions, fileName, text }),
  useBuiltInDefinitions: () => browser.runtime.sendMessage({ type: MessageType.useBuiltInDefinitions }),
};

createRoot(document.getElementById('root')!).render(<OptionsApp backend={backend} />);
