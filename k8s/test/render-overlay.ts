import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object: only the envelope is known until it has been validated. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

/** The k8s/ folder. */
export const K8S_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Every overlay under k8s/overlays/, each a deployable whole. */
export const OVERLAYS = ['dev', 'prod', 'prod-restore', 'citus'] as const;

/**
 * `kubectl kustomize overlays/NAME` (kustomize built into kubectl), parsed. KUBECTL names another
 * binary; .ci/run installs one when the machine has none.
 */
export function renderOverlay(name: string): K8sObject[] {
  const kubectl = process.env['KUBECTL'] || 'kubectl';
  let output: string;
  try {
    output = execFileSync(kubectl, ['kustomize', join(K8S_DIR, 'overlays', name)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const detail = (error as { stderr?: string }).stderr ?? String(error);
    throw new Error(`kubectl kustomize overlays/${name} failed (is kubectl installed? see .ci/run): ${detail}`);
  }
  return parseAllDocuments(output).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`overlays/${name}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJSON() as K8sObject;
  });
}
