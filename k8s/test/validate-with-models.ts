import type { K8sObject } from './render-overlay.js';

interface ValidatingModel {
  validate(): void;
}
type ModelClass = new (data: unknown) => ValidatingModel;

/** `apps/v1` → `apps/v1`, `v1` (the core group) → `v1`: kubernetes-models' module layout. */
export function modelModule(object: K8sObject): string {
  return `kubernetes-models/${object.apiVersion}/${object.kind}`;
}

/**
 * Validates a built-in object against the Kubernetes OpenAPI schema (kubernetes-models: types, formats,
 * required fields, enums). Throws with every violation; an apiVersion/kind it does not know is an error.
 */
export async function validateWithModels(object: K8sObject): Promise<void> {
  let Model: ModelClass;
  try {
    const module = (await import(modelModule(object))) as Record<string, ModelClass>;
    Model = module[object.kind]!;
    if (!Model) throw new Error('no such model');
  } catch {
    throw new Error(`${object.apiVersion} ${object.kind} is not a Kubernetes API type`);
  }
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${object.kind}/${object.metadata.name}: ${(error as Error).message}`);
  }
}
