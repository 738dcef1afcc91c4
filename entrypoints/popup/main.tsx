import '../../lib/zod-jitless';
import './popup.css';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupApp, type PopupActions } from '../../components/popup/PopupApp';
import { MessageType } from '../../lib/messaging/protocol-names';
import { extensionPageBackend } from '../options/extension-page-backend';

const actions: PopupActions = {
  openOptions: () => browser.runtime.openOptionsPage(),
  async openPage(page) {
    await browser.tabs.create({ url: browser.runtime.getURL(`/${page}.html`) });
    window.close();
  },
  async toggleSidebarInActiveTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined)
      await browser.tabs.sendMessage(tab.id, { type: MessageType.toggleSidebar }).catch(() => undefined);
    window.close();
  },
};

createRoot(document.getElementById('root')!).render(
  <PopupApp backend={extensionPageBackend} actions={actions} />,
);
