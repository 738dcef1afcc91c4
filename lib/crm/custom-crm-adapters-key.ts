/**
 * The `storage.local` key under which the background keeps the custom CRM hosts' generic adapter
 * configs (validated); it answers the custom hosts' loader's URL patterns from it, without the database.
 */
export const CUSTOM_CRM_ADAPTERS_KEY = 'customCrmAdapters';
