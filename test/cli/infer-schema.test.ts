import { describe, expect, it } from 'vitest';
import { inferSchema } from '../../src/cli/infer-schema.js';

describe('inferSchema', () => {
  it('gives each JSON type its schema; whole numbers are integers', () => {
    expect(inferSchema(['a'])).toEqual({ type: 'string' });
    expect(inferSchema([7])).toEqual({ type: 'integer' });
    expect(inferSchema([7.5])).toEqual({ type: 'number' });
    expect(inferSchema([true])).toEqual({ type: 'boolean' });
    expect(inferSchema([null])).toEqual({ type: 'null' });
  });

  it('requires only the keys every sample has, and allows no key that was never seen', () => {
    expect(
      inferSchema([
        { id: 1, note: 'x' },
        { id: 2, gift: true },
      ]),
    ).toEqual({
      type: 'object',
      properties: { gift: { type: 'boolean' }, id: { type: 'integer' }, note: { type: 'string' } },
      required: ['id'],
      additionalProperties: false,
    });
  });

  it('unions array items across elements and samples; an always-empty array says nothing about items', () => {
    expect(
      inferSchema([
        { items: [{ sku: 'a', qty: 1 }] },
        { items: [{ sku: 'b' }, { sku: 'c', qty: 1.5 }] },
        { items: [] },
      ]),
    ).toEqual({
      type: 'object',
      properties: {
        items: {
          type: 'array',
          items: {
            type: 'object',
            properties: { qty: { type: 'number' }, sku: { type: 'string' } },
            required: ['sku'],
            additionalProperties: false,
          },
        },
      },
      required: ['items'],
      additionalProperties: false,
    });
    expect(inferSchema([[]])).toEqual({ type: 'array' });
    expect(inferSchema([[1, 'a', null]])).toEqual({
      type: 'array',
      items: { anyOf: [{ type: 'string' }, { type: 'integer' }, { type: 'null' }] },
    });
  });

  it('gives an anyOf when samples differ in type, merging each type once', () => {
    expect(inferSchema([{ a: 1 }, 'text', { b: 2 }, null])).toEqual({
      anyOf: [
        {
          type: 'object',
          properties: { a: { type: 'integer' }, b: { type: 'integer' } },
          required: [],
          additionalProperties: false,
        },
        { type: 'string' },
        { type: 'null' },
      ],
    });
    expect(inferSchema([1, 2.5, 3])).toEqual({ type: 'number' });
  });

  it('needs at least one sample', () => {
    expect(() => inferSchema([])).toThrow(RangeError);
  });
});
