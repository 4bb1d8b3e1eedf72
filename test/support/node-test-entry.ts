/**
 * What a node:test suite imports from the package, in one bundle for `node --test`: the node-test
 * entry and `mockLambda`, sharing one copy of the library's modules as the package's chunks do
 * (the leak check must see the doubles a test opens by hand).
 */
export { mockLambda } from '../../src/index.js';
export * from '../../src/node-test/index.js';
