export { memoByObject } from '../memo.js';
