export { SteadfastError, type RuntimeErrorCode } from './errors/steadfast-error.js';
