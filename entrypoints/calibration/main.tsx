import '../../lib/zod-jitless';
import '../../components/sidebar/sidebar.css';
import './calibration.css';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { CalibrationApp } from '../../components/calibration/CalibrationApp';
import type { SidebarBackend } from '../../components/sidebar/sidebar-backend';
import type { DefinitionsView, Response } from '../../lib/messaging/protocol';
import { MessageType } from '../../lib/messaging/protocol-names';
import { storageDrafts } from '../sidebar.content/storage-drafts';

const backend: SidebarBackend = {
  getDealState: (dealKey) => browser.runtime.sendMessage({ type: MessageType.getDealState, dealKey }),
  getDealHistory: (dealKey) => browser.runtime.sendMessage({ type: MessageType.getDealHistory, dealKey }),
  countDealHistory: (dealKey) => browser.runtime.sendMessage({ type: MessageType.countDealHistory, dealKey }),
  saveScore: ({ saveId, deal, definitionsHash, answers }) =>
    browser.runtime.sendMessage({
      type: MessageType.saveCalibrationScore,
      saveId,
      caseId: deal.recordId,
      definitionsHash,
      answers,
    }),
  setRater: (rater) => browser.runtime.sendMessage({ type: MessageType.setRater, rater }),
  ...storageDrafts,
};

async function loadActiveDefinitions(): Promise<DefinitionsView> {
  const response: Response<typeof MessageType.getSettings> = await browser.runtime.sendMessage({
    type: MessageType.getSettings,
  });
  if (!response.ok) throw new Error(response.error.message);
  return response.value.active;
}

createRoot(document.getElementById('root')!).render(
  <CalibrationApp backend={backend} loadActiveDefinitions={loadActiveDefinitions} />,
);
