interface ImportMetaEnv {
  /** `report` only in builds made for the e2e tests (the loaders then say when a page is no deal). */
  readonly YARDSTICK_REPORT_LOADER_VERDICTS?: string;
}
