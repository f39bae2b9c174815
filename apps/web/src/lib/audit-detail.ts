/** One field that an audited action changed. Values are as recorded: any JSON value. */
export interface AuditChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditDetail {
  changes: AuditChange[];
  reason: string | null;
  /** The detail as recorded, when it is not the usual `{ before, after, reason }` object. */
  raw: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads an audit entry's `detail` (JSON: `{ before, after, reason }`, where before or after may
 * be null for a creation or a removal) into the fields that changed. Fields recorded with the
 * same value on both sides are left out, since a profile update records every field.
 */
export function parseAuditDetail(detail: string | null | undefined): AuditDetail {
  if (!detail) return { changes: [], reason: null, raw: null };
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return { changes: [], reason: null, raw: detail };
  }
  if (!isRecord(parsed)) return { changes: [], reason: null, raw: detail };
  const before = isRecord(parsed.before) ? parsed.before : {};
  const after = isRecord(parsed.after) ? parsed.after : {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const changes = fields
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }))
    .filter((change) => JSON.stringify(change.before) !== JSON.stringify(change.after));
  const reason = typeof parsed.reason === 'string' ? parsed.reason : null;
  const known = new Set(['before', 'after', 'reason']);
  const unexpected = Object.keys(parsed).some((key) => !known.has(key));
  return { changes, reason, raw: unexpected ? detail : null };
}
