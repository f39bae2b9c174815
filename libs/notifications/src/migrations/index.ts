export { Matching1763800200000 } from './1763800200000-matching';
