// Every test: schema drift, type checks, lint, then unit, integration (real PostgreSQL and Redis) and
// e2e (the built stack through the gateway, and Chromium) in one Jest run. Run after `npm run build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const step = (title, cmd, args) => {
  process.stdout.write(`\n▶ ${title}\n`);
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
};

try {
  step('schema: committed SDL matches the code', process.execPath, ['dist/scripts/compose-supergraph.js', '--check']);
  step('types: server', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
  step('types: web', bin('tsc'), ['-p', 'apps/web/tsconfig.json']);
  step('lint: type-aware, with the house import rules', bin('eslint'), ['.', '--max-warnings=0']);
} catch {
  process.exit(1);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const report = join(root, 'test-results', 'jest.json');
process.stdout.write('\n▶ tests: unit, integration, e2e, browser\n');
// Two workers even on two cores (Jest's default there is one): most of a test's time is spent waiting
// on the stack, PostgreSQL or Chromium, so a second worker fills that time. A caller's choice wins.
const args = process.argv.slice(2);
const workers = args.some((a) => a.startsWith('--maxWorkers') || a === '-w' || a === '--runInBand' || a === '-i') ? [] : ['--maxWorkers=2'];
const jest = spawnSync(bin('jest'), ['--json', `--outputFile=${report}`, ...workers, ...args], { cwd: root, stdio: 'inherit' });
if (existsSync(report)) {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  // One plain closing line that any CI log reader understands.
  process.stdout.write(`\nTests: ${r.numPassedTests} passed, ${r.numFailedTests} failed\n`);
  if (r.numTotalTests === 0) process.exit(1);
}
process.exit(jest.status ?? 1);
