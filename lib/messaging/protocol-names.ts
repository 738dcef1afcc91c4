/**
 * The one message protocol between Yardstick's scripts. A message's `type` names its direction:
 * `<sender>→<receiver>:<action>`. The background validates every request with `RequestSchema` in protocol.ts;
 * the names live apart so the few-KB loader can use them without pulling in Zod.
 */
export const MessageType = {
  injectSidebar: 'loader→background:injectSidebar',
  getDealState: 'sidebar→background:getDealState',
  saveScore: 'sidebar→background:saveScore',
  setRater: 'ui→background:setRater',
  getSettings: 'options→background:getSettings',
  importDefinitions: 'options→background:importDefinitions',
  useBuiltInDefinitions: 'options→background:useBuiltInDefinitions',
  toggleSidebar: 'background→sidebar:toggle',
} as const;
