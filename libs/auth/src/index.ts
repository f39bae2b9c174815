export * from './roles';
export * from './tokens';
export * from './context';
export * from './guards';
export * from './revocations';
export * from './access';
