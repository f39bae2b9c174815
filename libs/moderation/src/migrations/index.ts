export { Reports1763800600000 } from './1763800600000-reports';
export { TrustedBuyers1763806700000 } from './1763806700000-trusted-buyers';
