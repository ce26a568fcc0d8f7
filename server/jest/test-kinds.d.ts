export declare const INTEGRATION_ROOTS: string[];
export declare const OWN_CONFIG_TEST: RegExp;
export interface TestKinds {
  unit: string[];
  integration: string[];
  fault: string[];
  /** For each integration test, the import chain from it to an integration root. */
  reasons: Record<string, string[]>;
}
export declare function classifyTests(): TestKinds;
