import { join } from 'node:path';
import ts from 'typescript';
import { K8S_DIR, type K8sObject } from './render-overlay.js';
import { modelModule } from './validate-with-models.js';

const VIRTUAL_FILE = join(K8S_DIR, 'test', '__rendered-objects__.ts');

/**
 * What a strict schema validator (kubeconform -strict) adds to the OpenAPI check: fields the API does
 * not know. A typo (`readinesProbe`) is otherwise dropped silently by the API server, taking the probe
 * with it. Each object becomes a TypeScript literal typed with kubernetes-models' interface (generated
 * from the same OpenAPI schema), so the compiler's excess-property check names every unknown field.
 */
export function unknownFieldErrors(objects: K8sObject[]): string[] {
  const starts: number[] = [];
  let source = '';
  objects.forEach((object, i) => {
    source += `import type { I${object.kind} as T${i} } from '${modelModule(object)}';\n`;
  });
  objects.forEach((object, i) => {
    starts.push(source.length);
    source += `export const o${i}: T${i} = ${JSON.stringify(object, null, 1)};\n`;
  });
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) =>
    fileName === VIRTUAL_FILE
      ? ts.createSourceFile(fileName, source, languageVersion)
      : getSourceFile(fileName, languageVersion, ...rest);
  host.fileExists = (fileName) => fileName === VIRTUAL_FILE || fileExists(fileName);
  const program = ts.createProgram([VIRTUAL_FILE], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === VIRTUAL_FILE)
    .map((d) => {
      const index = starts.findLastIndex((start) => start <= (d.start ?? 0));
      const object = objects[index];
      const where = object ? `${object.kind}/${object.metadata.name}` : 'imports';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
}
