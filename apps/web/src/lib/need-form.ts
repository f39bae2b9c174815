import type { NeedInput, NeedStatus, NeedVisibility } from '../gql/graphql';
import { vietnamDateTime, vietnamInstant } from './vietnam-time';
import type { Language } from './i18n';
import { readNumber, readVnd } from './numbers';

/** The wizard's values: what a person types, read into a NeedInput on save. */
export interface NeedValues {
  title: string;
  /** A heading (4 digits) or a chapter (2), picked by its everyday name. */
  categoryCode?: string;
  description?: string;
  requiredCertifications: string[];
  quantity?: string;
  unitCode?: string;
  /** đồng per one `unitCode`, typed with thousands separators. */
  targetUnitPrice?: string;
  allowPartial: 'yes' | 'no';
  deliveryProvinceCode?: string;
  /** YYYY-MM-DD from native date inputs, the API's Date format. */
  deliveryFrom?: string;
  deliveryTo?: string;
  /** The bid deadline as a clock in Việt Nam shows it: date and HH:mm. */
  deadlineDate?: string;
  deadlineTime?: string;
  /** PUBLIC: the market reads it; INVITED: only the suppliers in `invitedSupplierIds`. */
  visibility: NeedVisibility;
  /** Cooperatives told when the need opens (organization ids). */
  invitedSupplierIds: string[];
}

export type NeedField = keyof NeedValues;

// A deadline at the end of a working day is what buyers set most; the field stays editable.
export const EMPTY_NEED: NeedValues = {
  title: '',
  requiredCertifications: [],
  allowPartial: 'no',
  deadlineTime: '17:00',
  visibility: 'PUBLIC',
  invitedSupplierIds: [],
};

/** The wizard's steps, each with the fields it asks for; the last one reviews them all. */
export const NEED_STEPS = [
  {
    key: 'what',
    fields: [
      'title',
      'categoryCode',
      'description',
      'requiredCertifications',
      'visibility',
      'invitedSupplierIds',
    ],
  },
  { key: 'amount', fields: ['quantity', 'unitCode', 'targetUnitPrice', 'allowPartial'] },
  {
    key: 'where',
    fields: ['deliveryProvinceCode', 'deliveryFrom', 'deliveryTo', 'deadlineDate', 'deadlineTime'],
  },
  { key: 'review', fields: [] },
] as const satisfies readonly { key: string; fields: readonly NeedField[] }[];

/** The step that asks for a field (the first step for anything unknown). */
export function stepOf(field: string): number {
  const index = NEED_STEPS.findIndex((s) => (s.fields as readonly string[]).includes(field));
  return Math.max(index, 0);
}

/** The server's `extensions.field` (a path into NeedInput) → the wizard field showing it. */
export const NEED_FIELDS: Record<string, NeedField> = {
  title: 'title',
  description: 'description',
  categoryCode: 'categoryCode',
  requiredCertifications: 'requiredCertifications',
  quantity: 'quantity',
  unitCode: 'unitCode',
  targetUnitPrice: 'targetUnitPrice',
  'targetUnitPrice.amount': 'targetUnitPrice',
  'targetUnitPrice.currency': 'targetUnitPrice',
  allowPartial: 'allowPartial',
  deliveryProvinceCode: 'deliveryProvinceCode',
  deliveryFrom: 'deliveryFrom',
  deliveryTo: 'deliveryTo',
  bidDeadline: 'deadlineDate',
  visibility: 'visibility',
  invitedSupplierIds: 'invitedSupplierIds',
};

/** The stored need as the wizard edits it. */
export interface EditedNeed {
  title: string;
  description?: string | null;
  category: { code: string };
  requiredCertifications: string[];
  quantity: string;
  unit: { code: string };
  targetUnitPrice?: { amount: string } | null;
  allowPartial: boolean;
  deliveryProvince: { code: string };
  deliveryFrom: string;
  deliveryTo: string;
  bidDeadline: string;
  status: NeedStatus;
  visibility: NeedVisibility;
  invitedSuppliers: { id: string }[];
}

/**
 * The stored need as the wizard's values, numbers written as the page's language writes them
 * ("25,5" in Vietnamese), so that saving unchanged reads them back the same.
 */
export function needValuesOf(need: EditedNeed, language: Language): NeedValues {
  const deadline = vietnamDateTime(need.bidDeadline);
  return {
    title: need.title,
    categoryCode: need.category.code,
    description: need.description ?? undefined,
    requiredCertifications: need.requiredCertifications,
    quantity: language === 'vi' ? need.quantity.replace('.', ',') : need.quantity,
    unitCode: need.unit.code,
    targetUnitPrice: need.targetUnitPrice?.amount,
    allowPartial: need.allowPartial ? 'yes' : 'no',
    deliveryProvinceCode: need.deliveryProvince.code,
    deliveryFrom: need.deliveryFrom,
    deliveryTo: need.deliveryTo,
    deadlineDate: deadline?.date,
    deadlineTime: deadline?.time,
    visibility: need.visibility,
    invitedSupplierIds: need.invitedSuppliers.map((s) => s.id),
  };
}

/** The API input; the wizard's validators have already checked every value, read the same way. */
export function needInputOf(values: NeedValues, language: Language): NeedInput {
  const quantity = readNumber(values.quantity, language);
  const price = readVnd(values.targetUnitPrice, language);
  return {
    title: values.title.trim(),
    description: values.description?.trim() || null,
    categoryCode: values.categoryCode ?? '',
    requiredCertifications: values.requiredCertifications,
    quantity: quantity.ok ? quantity.value : '',
    unitCode: values.unitCode ?? '',
    targetUnitPrice: price ? { amount: price, currency: 'VND' } : null,
    allowPartial: values.allowPartial === 'yes',
    deliveryProvinceCode: values.deliveryProvinceCode ?? '',
    deliveryFrom: values.deliveryFrom ?? '',
    deliveryTo: values.deliveryTo ?? '',
    bidDeadline: vietnamInstant(values.deadlineDate ?? '', values.deadlineTime ?? '') ?? '',
    visibility: values.visibility,
    invitedSupplierIds: values.invitedSupplierIds,
  };
}
