import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The shipped data files (copied from ../shared/data, see data/SOURCES.md). */
export const DATA_DIR = join(__dirname, '..', 'data');

export function readCsv<T>(file: string): T[] {
  return parse<T>(readFileSync(join(DATA_DIR, file)), { columns: true, bom: true, skip_empty_lines: true });
}
export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(DATA_DIR, file), 'utf8')) as T;
}
