/** Absolute path of schema/cassette.schema.json. */
export declare const SCHEMA_FILE: string;
/** Absolute path of src/cassette/cassette-validators.generated.ts. */
export declare const GENERATED_VALIDATORS_FILE: string;
/** The schema with JsonValue accepting anything, as `validateLoad` checks it. */
export declare function loadSchema<T>(schema: T): T;
/** The generated validators' TypeScript source, exactly as `npm run gen` writes it. */
export declare function generateCassetteValidators(): Promise<string>;
