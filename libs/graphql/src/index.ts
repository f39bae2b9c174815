export * from './errors';
export * from './messages';
export * from './scalars';
export * from './pagination';
export * from './money';
export * from './validation';
export * from './exception.filter';
export * from './subgraph';
