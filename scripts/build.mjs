// Compiles the server side (apps except web, libs, scripts, test) with SWC into dist/, rewriting the
// @lienket/* path aliases, copies data files beside the code, then builds the web app with Vite.
// Type-checking is `npm run typecheck` (tsc); SWC only strips types, which keeps builds fast.
import { transformFile } from '@swc/core';
import { cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const out = join(root, 'dist');
const tsconfig = JSON.parse(
  (await import('node:fs')).readFileSync(join(root, 'tsconfig.json'), 'utf8'),
);
const paths = Object.fromEntries(
  Object.entries(tsconfig.compilerOptions.paths).map(([k, v]) => [k, v.map((p) => p.replace(/^\.\//, ''))]),
);
const sourceRoots = ['libs', 'scripts', 'test', ...readdirSync(join(root, 'apps')).filter((a) => a !== 'web').map((a) => `apps/${a}`)];

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    if (statSync(file).isDirectory()) {
      if (name !== 'node_modules') yield* walk(file);
    } else yield file;
  }
}

const jobs = [];
for (const src of sourceRoots) {
  const dir = join(root, src);
  if (!existsSync(dir)) continue;
  for (const file of walk(dir)) {
    const target = join(out, relative(root, file));
    if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
      jobs.push(
        transformFile(file, {
          sourceMaps: 'inline',
          module: { type: 'commonjs' },
          jsc: {
            target: 'es2023',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
            baseUrl: root,
            paths,
            keepClassNames: true,
          },
        }).then(({ code }) => {
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target.replace(/\.ts$/, '.js'), code);
        }),
      );
    } else if (/\.(json|sql|graphql|csv|hbs|txt)$/.test(file)) {
      mkdirSync(dirname(target), { recursive: true });
      cpSync(file, target);
    }
  }
}
await Promise.all(jobs);
process.stdout.write(`server: ${jobs.length} files compiled into dist/\n`);

if (existsSync(join(root, 'apps/web/vite.config.ts')) && !process.argv.includes('--server-only')) {
  const bin = (name) => join(root, 'node_modules', '.bin', name);
  // Web types are generated from the composed API schema (schema/api.graphql).
  execFileSync(bin('graphql-codegen'), ['--config', 'apps/web/codegen.ts', '--silent'], { cwd: root, stdio: 'inherit' });
  // NODE_ENV=development in the shell would otherwise give React's development build (decision 90).
  execFileSync(bin('vite'), ['build', '--config', 'apps/web/vite.config.ts', '--mode', 'production', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  process.stdout.write('web: built into dist/web\n');
}
