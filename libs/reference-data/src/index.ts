export * from './provinces';
export * from './province-centres';
export * from './categories';
export * from './units';
export * from './tax-code';
export * from './reference.types';
export * from './calendar';
