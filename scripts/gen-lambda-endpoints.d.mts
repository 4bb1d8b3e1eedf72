/** Absolute path of src/wire/lambda-endpoints.generated.ts. */
export declare const GENERATED_ENDPOINTS_FILE: string;
/** The Lambda host templates and partitions, as the installed SDK resolves them. */
export declare function lambdaEndpointTable(): {
  hostTemplates: string[];
  partitions: { id: string; dnsSuffix: string; dualStackDnsSuffix: string; regionRegex: string; regions: string[] }[];
};
/** The generated TypeScript source, exactly as `npm run gen` writes it. */
export declare function generateLambdaEndpoints(): string;
