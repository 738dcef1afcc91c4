import '../../lib/zod-jitless';
import '../../components/sidebar/sidebar.css';
import '../../components/sidebar/badges-and-manager.css';
import './calibration.css';
import { createRoot } from 'react-dom/client';
import { CalibrationApp } from '../../components/calibration/CalibrationApp';
import type { SidebarBackend } from '../../components/sidebar/sidebar-backend';
import type { DefinitionsView } from '../../lib/messaging/protocol';
import { MessageType } from '../../lib/messaging/protocol-names';
import { sendRequest } from '../shared/send-request';
import { messageBackend } from '../shared/sidebar-requests';

const backend: SidebarBackend = {
  getDealState: (dealKey) => sendRequest({ type: MessageType.getDealState, dealKey }),
  getDealHistory: (dealKey) => sendRequest({ type: MessageType.getDealHistory, dealKey }),
  countDealHistory: (dealKey) => sendRequest({ type: MessageType.countDealHistory, dealKey }),
  saveScore: ({ saveId, deal, definitionsHash, answers }) =>
    sendRequest({
      type: MessageType.saveCalibrationScore,
      saveId,
      caseId: deal.recordId,
      definitionsHash,
      answers,
    }),
  setRater: (rater) => sendRequest({ type: MessageType.setRater, rater }),
  // Drafts are the background's to keep, as on deal pages.
  loadDraft: messageBackend.loadDraft,
  storeDraft: messageBackend.storeDraft,
  clearDraft: messageBackend.clearDraft,
};

async function loadActiveDefinitions(): Promise<DefinitionsView> {
  const response = await sendRequest({ type: MessageType.getSettings });
  if (!response.ok) throw new Error(response.error.message);
  return response.value.active;
}

createRoot(document.getElementById('root')!).render(
  <CalibrationApp backend={backend} loadActiveDefinitions={loadActiveDefinitions} />,
);
