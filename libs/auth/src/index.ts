export * from './roles';
export * from './tokens';
export * from './context';
export * from './guards';
export * from './revocations';
export * from './link-tokens';
export * from './gateway';
export * from './access';
