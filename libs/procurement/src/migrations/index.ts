export { Needs1763800100000 } from './1763800100000-needs';
