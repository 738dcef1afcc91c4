/**
 * The `storage.local` key under which the background keeps the custom CRM hosts' generic adapter
 * configs (validated); the custom hosts' loader reads their URL patterns from it, without Zod or a message.
 */
export const CUSTOM_CRM_ADAPTERS_KEY = 'customCrmAdapters';
