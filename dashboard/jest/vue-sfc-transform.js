/**
 * Jest transform for .vue single-file components, for the component tests. @vue/vue3-jest (29.2) declares
 * jest 29 and babel-jest 29 as peers, while these tests run jest 30 with ts-jest as ES modules; so this
 * compiles the component with @vue/compiler-sfc (it ships with vue, the compiler Vite uses): <script
 * setup> with the template inlined as its render function, then TypeScript → JavaScript with
 * TypeScript's transpileModule (types are vue-tsc's job, not the tests'). <style> blocks are left out:
 * jsdom lays nothing out.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compileScript, parse } from '@vue/compiler-sfc';
import ts from 'typescript';

/** This file's own text, in the cache key: editing the transform recompiles every component. */
const self = readFileSync(new URL(import.meta.url), 'utf8');

export default {
  process(source, filename) {
    const { descriptor, errors } = parse(source, { filename });
    if (errors.length > 0) throw errors[0];
    // every component of the dashboard is <script setup lang="ts">: the only shape this needs to compile
    if (!descriptor.scriptSetup) throw new Error(`${filename}: only <script setup> components are supported`);
    const id = createHash('sha256').update(filename).digest('hex').slice(0, 8);
    const script = compileScript(descriptor, { id, inlineTemplate: true, sourceMap: false });
    const { outputText, sourceMapText } = ts.transpileModule(script.content, {
      fileName: `${filename}.ts`,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        sourceMap: true,
        inlineSources: true,
      },
    });
    return { code: outputText, map: sourceMapText };
  },
  getCacheKey(source, filename) {
    return createHash('sha256').update(self).update(filename).update(source).digest('hex');
  },
};
