interface ImportMetaEnv {
  /** `open` only in builds made for the e2e tests and benchmarks; production leaves it unset (closed). */
  readonly WXT_SIDEBAR_SHADOW_MODE?: 'open' | 'closed';
}
