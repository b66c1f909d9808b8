// `node --import ./.ci/no-typescript.mjs …` fails any import of tsx, typescript or a .ts file: the
// build smoke check (.ci/build-smoke) proves with it that the built dist/ runs without a compiler.
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
  if (/^(tsx|typescript)(\\/|$)|\\.[cm]?ts$/.test(specifier)) {
    throw new Error('TypeScript at run time: ' + specifier + ' imported from ' + context.parentURL);
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
