/**
 * The one set of size limits of a definitions file. The schema enforces them, and the message
 * protocol derives its own from them, so definitions that load can always be scored and saved.
 */

/** Largest definitions file, in bytes, whether fetched, imported or sent to the background. */
export const MAX_DEFINITIONS_BYTES = 1_000_000;
/** Most criteria: every save carries one answer per criterion. */
export const MAX_CRITERIA = 200;
/** Most levels of one criterion. */
export const MAX_LEVELS_PER_CRITERION = 20;
/** Most canonical stages. */
export const MAX_STAGES = 100;
/** Most CRM names (aliases) of one stage. */
export const MAX_ALIASES_PER_STAGE = 50;
/** Most score bands. */
export const MAX_BANDS = 20;
/** Most calibration cases. */
export const MAX_CALIBRATION_CASES = 200;
/** Most `captureFields`. */
export const MAX_CAPTURE_FIELDS = 50;
/** Longest id of a criterion, stage, band, calibration case or capture field. */
export const MAX_IDENTIFIER_LENGTH = 64;
/** Longest short text: a name, label, title, version, stage alias or stageMap key. */
export const MAX_NAME_LENGTH = 200;
/** Longest prose: a question, definition, level evidence, description or case summary. */
export const MAX_TEXT_LENGTH = 5000;
