/** Absolute path of schema/cassette.schema.json. */
export declare const SCHEMA_FILE: string;
/** Absolute path of src/cassette/cassette-types.generated.ts. */
export declare const GENERATED_FILE: string;
/** The generated TypeScript source for the cassette schema, exactly as `npm run gen` writes it. */
export declare function generateCassetteTypes(): Promise<string>;
