import type { MessageType, Response } from '../../lib/messaging/protocol';

/** What the options page needs from the background. */
export interface OptionsBackend {
  getSettings(): Promise<Response<typeof MessageType.getSettings>>;
  setRater(rater: string): Promise<Response<typeof MessageType.setRater>>;
  importDefinitions(fileName: string, text: string): Promise<Response<typeof MessageType.importDefinitions>>;
  useBuiltInDefinitions(): Promise<Response<typeof MessageType.useBuiltInDefinitions>>;
}
