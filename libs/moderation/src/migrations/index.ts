export { Reports1763800600000 } from './1763800600000-reports';
