import type { FormInstance } from 'antd';
import type { ProductEditorQuery, ProductInput } from '../gql/graphql';
import { apiErrorsOf } from './errors';
import type { Language } from './i18n';
import { readNumber, readVnd } from './numbers';

export type EditedProduct = NonNullable<ProductEditorQuery['product']>;

export interface CertificationValues {
  kind?: string;
  issuer?: string;
  /** YYYY-MM-DD from a native date input, the API's Date format. */
  validUntil?: string;
}

export interface ProductValues {
  /** A heading (4 digits) or a chapter (2), picked by its everyday name. */
  categoryCode?: string;
  name: string;
  description?: string;
  unitCode?: string;
  monthlyCapacity?: string;
  minOrderQuantity?: string;
  /** What the prices are per; empty means the capacity unit. */
  priceUnitCode?: string;
  priceMin?: string;
  priceMax?: string;
  harvestMonths: number[];
  certifications: CertificationValues[];
}

export const EMPTY_PRODUCT: ProductValues = { name: '', harvestMonths: [], certifications: [] };

/** The form's values for a stored listing. */
export function valuesOf(product: EditedProduct): ProductValues {
  return {
    categoryCode: product.category.code,
    name: product.name,
    description: product.description ?? undefined,
    unitCode: product.unit.code,
    monthlyCapacity: product.monthlyCapacity,
    minOrderQuantity: product.minOrderQuantity ?? undefined,
    priceUnitCode: product.priceUnit.code,
    priceMin: product.priceMin?.amount,
    priceMax: product.priceMax?.amount,
    harvestMonths: [...product.harvestMonths].sort((a, b) => a - b),
    certifications: product.certifications.map((c) => ({
      kind: c.kind,
      issuer: c.issuer ?? undefined,
      validUntil: c.validUntil ?? undefined,
    })),
  };
}

/** The API input; the form's validators have already checked every number, read the same way. */
export function inputOf(values: ProductValues, language: Language): ProductInput {
  const decimal = (text?: string) => {
    const reading = readNumber(text, language);
    return reading.ok ? reading.value : null;
  };
  const vnd = (text?: string) => {
    const amount = readVnd(text, language);
    return amount ? { amount, currency: 'VND' } : null;
  };
  return {
    categoryCode: values.categoryCode ?? '',
    name: values.name.trim(),
    description: values.description?.trim() || null,
    unitCode: values.unitCode ?? '',
    monthlyCapacity: decimal(values.monthlyCapacity) ?? '',
    minOrderQuantity: decimal(values.minOrderQuantity),
    priceUnitCode: values.priceUnitCode || null,
    priceMin: vnd(values.priceMin),
    priceMax: vnd(values.priceMax),
    harvestMonths: [...values.harvestMonths].sort((a, b) => a - b),
    certifications: values.certifications
      .filter((c) => c.kind)
      .map((c) => ({
        kind: c.kind ?? '',
        issuer: c.issuer?.trim() || null,
        validUntil: c.validUntil || null,
      })),
  };
}

// The server's `extensions.field` (a path into ProductInput) → the form field showing it.
const FIELDS: Record<string, keyof ProductValues> = {
  categoryCode: 'categoryCode',
  name: 'name',
  description: 'description',
  unitCode: 'unitCode',
  monthlyCapacity: 'monthlyCapacity',
  minOrderQuantity: 'minOrderQuantity',
  priceUnitCode: 'priceUnitCode',
  priceMin: 'priceMin',
  'priceMin.amount': 'priceMin',
  'priceMin.currency': 'priceMin',
  priceMax: 'priceMax',
  'priceMax.amount': 'priceMax',
  'priceMax.currency': 'priceMax',
  harvestMonths: 'harvestMonths',
  certifications: 'certifications',
};

type FieldName = keyof ProductValues | ['certifications', number, keyof CertificationValues];

function fieldOf(path: string): FieldName | null {
  const field = path.replace(/^input\./, '');
  // `certifications.0.kind` names one row's field; the form list uses the same indexes.
  const row = /^certifications\.(\d+)\.(kind|issuer|validUntil)$/.exec(field);
  if (row) return ['certifications', Number(row[1]), row[2] as keyof CertificationValues];
  return FIELDS[field] ?? FIELDS[field.replace(/\.\d+$/, '')] ?? null;
}

/**
 * Puts each server message under the field it names (certification rows included) and returns
 * the rest for the banner; null when nothing came back a person could act on (network failure).
 */
export function applyProductErrors(
  form: FormInstance<ProductValues>,
  error: unknown,
): string[] | null {
  const errors = apiErrorsOf(error);
  if (errors.length === 0) return null;
  const general: string[] = [];
  const byField = new Map<string, { name: FieldName; errors: string[] }>();
  for (const e of errors) {
    const name = e.field ? fieldOf(e.field) : null;
    if (name === null) {
      general.push(e.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return general;
}
