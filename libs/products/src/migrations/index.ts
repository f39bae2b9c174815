export { Products1763800400000 } from './1763800400000-products';
export { SearchRum1763801500000 } from './1763801500000-search-rum';
