/* eslint-disable */
/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from the installed @aws-sdk/client-lambda (its endpoint resolver) and the AWS partitions
 * data by scripts/gen-lambda-endpoints.mjs (`npm run gen`). test/wire/lambda-hosts.test.ts fails while
 * it differs from what the installed SDK says.
 */
import type { LambdaEndpointData } from './sdk-endpoint-data.js';

export const LAMBDA_ENDPOINTS: LambdaEndpointData = {
  "hostTemplates": [
    "lambda-fips.{region}.{dnsSuffix}",
    "lambda-fips.{region}.{dualStackDnsSuffix}",
    "lambda.{region}.{dnsSuffix}",
    "lambda.{region}.{dualStackDnsSuffix}"
  ],
  "partitions": [
    {
      "id": "aws",
      "dnsSuffix": "amazonaws.com",
      "dualStackDnsSuffix": "api.aws",
      "regionRegex": "^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$",
      "regions": [
        "af-south-1",
        "ap-east-1",
        "ap-east-2",
        "ap-northeast-1",
        "ap-northeast-2",
        "ap-northeast-3",
        "ap-south-1",
        "ap-south-2",
        "ap-southeast-1",
        "ap-southeast-2",
        "ap-southeast-3",
        "ap-southeast-4",
        "ap-southeast-5",
        "ap-southeast-6",
        "ap-southeast-7",
        "aws-global",
        "ca-central-1",
        "ca-west-1",
        "eu-central-1",
        "eu-central-2",
        "eu-north-1",
        "eu-south-1",
        "eu-south-2",
        "eu-west-1",
        "eu-west-2",
        "eu-west-3",
        "il-central-1",
        "me-central-1",
        "me-south-1",
        "me-west-1",
        "mx-central-1",
        "sa-east-1",
        "sa-west-1",
        "us-east-1",
        "us-east-2",
        "us-west-1",
        "us-west-2"
      ]
    },
    {
      "id": "aws-cn",
      "dnsSuffix": "amazonaws.com.cn",
      "dualStackDnsSuffix": "api.amazonwebservices.com.cn",
      "regionRegex": "^cn\\-\\w+\\-\\d+$",
      "regions": [
        "aws-cn-global",
        "cn-north-1",
        "cn-northwest-1"
      ]
    },
    {
      "id": "aws-eusc",
      "dnsSuffix": "amazonaws.eu",
      "dualStackDnsSuffix": "api.amazonwebservices.eu",
      "regionRegex": "^eusc\\-(de)\\-\\w+\\-\\d+$",
      "regions": [
        "eusc-de-east-1"
      ]
    },
    {
      "id": "aws-iso",
      "dnsSuffix": "c2s.ic.gov",
      "dualStackDnsSuffix": "api.aws.ic.gov",
      "regionRegex": "^us\\-iso\\-\\w+\\-\\d+$",
      "regions": [
        "aws-iso-global",
        "us-iso-east-1",
        "us-iso-west-1"
      ]
    },
    {
      "id": "aws-iso-b",
      "dnsSuffix": "sc2s.sgov.gov",
      "dualStackDnsSuffix": "api.aws.scloud",
      "regionRegex": "^us\\-isob\\-\\w+\\-\\d+$",
      "regions": [
        "aws-iso-b-global",
        "us-isob-east-1",
        "us-isob-west-1"
      ]
    },
    {
      "id": "aws-iso-e",
      "dnsSuffix": "cloud.adc-e.uk",
      "dualStackDnsSuffix": "api.cloud-aws.adc-e.uk",
      "regionRegex": "^eu\\-isoe\\-\\w+\\-\\d+$",
      "regions": [
        "aws-iso-e-global",
        "eu-isoe-west-1"
      ]
    },
    {
      "id": "aws-iso-f",
      "dnsSuffix": "csp.hci.ic.gov",
      "dualStackDnsSuffix": "api.aws.hci.ic.gov",
      "regionRegex": "^us\\-isof\\-\\w+\\-\\d+$",
      "regions": [
        "aws-iso-f-global",
        "us-isof-east-1",
        "us-isof-south-1"
      ]
    },
    {
      "id": "aws-us-gov",
      "dnsSuffix": "amazonaws.com",
      "dualStackDnsSuffix": "api.aws",
      "regionRegex": "^us\\-gov\\-\\w+\\-\\d+$",
      "regions": [
        "aws-us-gov-global",
        "us-gov-east-1",
        "us-gov-west-1"
      ]
    }
  ]
};
