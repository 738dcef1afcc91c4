import type { MessageType, Response } from '../../lib/messaging/protocol';

/** What the options page and popup need from the background and the browser. */
export interface OptionsBackend {
  getSettings(): Promise<Response<typeof MessageType.getSettings>>;
  setRater(rater: string): Promise<Response<typeof MessageType.setRater>>;
  importDefinitions(fileName: string, text: string): Promise<Response<typeof MessageType.importDefinitions>>;
  useBuiltInDefinitions(): Promise<Response<typeof MessageType.useBuiltInDefinitions>>;
  setDefinitionsUrl(url: string): Promise<Response<typeof MessageType.setDefinitionsUrl>>;
  syncDefinitionsNow(): Promise<Response<typeof MessageType.syncDefinitionsNow>>;
  setSyncInterval(minutes: number): Promise<Response<typeof MessageType.setSyncInterval>>;
  /** Asks the user for access to the definitions host; resolves to whether it was granted. */
  requestHostAccess(url: string): Promise<boolean>;
  /** Calls `onChange` whenever the background announces a change; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}
