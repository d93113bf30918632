// Lets a script outside this repository (the read-only peers harness, ../shared/bench/peers/scifact.mjs) run in
// place, unmodified, with grounded's installed packages: a bare import that its own folder cannot resolve is resolved
// from this repository instead. `require` in that script honours NODE_PATH, which the caller sets. Used with
// `node --import ./bench/resolve-from-grounded.mjs`.
import { register } from 'node:module';
import { URL } from 'node:url';
import { isMainThread } from 'node:worker_threads';

const grounded = new URL('../package.json', import.meta.url).href;

if (isMainThread) register(import.meta.url);

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || specifier.startsWith('.') || specifier.includes(':')) throw error;
    return next(specifier, { ...context, parentURL: grounded });
  }
}
