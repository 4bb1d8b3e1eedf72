/**
 * Where the factories (src/api) import the in-process doors from; the table itself is
 * doors/attach-doors.ts. Kept so the factories need not change with the doors' layout.
 */
export { attachInProcessDoors } from '../attach-doors.js';
