export { Products1763800400000 } from './1763800400000-products';
