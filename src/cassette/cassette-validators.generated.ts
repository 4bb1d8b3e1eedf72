/* eslint-disable */
// @ts-nocheck
/**
 * GENERATED FILE, DO NOT EDIT.
 * Generated from schema/cassette.schema.json by scripts/gen-validators.mjs (`npm run gen`).
 * Change the schema and regenerate; test/cassette/generated-validators.test.ts fails while this file is stale.
 */
import { formats, ucs2length } from './schema-runtime.js';
const func2 = ucs2length;
const schema14 = {
  title: 'RecordedRequest',
  description:
    'The parts of an InvokeAsync or Invoke request that identify it. Credentials, signatures, dates and other per-call headers are never stored.',
  type: 'object',
  required: ['functionName', 'region', 'payload'],
  additionalProperties: false,
  properties: {
    functionName: {
      description: 'The function\'s plain name (no ARN prefix, no qualifier), e.g. "orders-fn".',
      type: 'string',
      minLength: 1,
      maxLength: 170,
    },
    qualifier: {
      description: 'Version or alias the call named, e.g. "prod" or "$LATEST"; absent when the call named none.',
      type: 'string',
      minLength: 1,
    },
    functionRef: {
      description:
        'The function reference exactly as the caller sent it (URI-decoded), when it was not the plain name: a full or partial ARN, or a name with a qualifier.',
      type: 'string',
      minLength: 1,
      maxLength: 170,
    },
    region: { description: 'AWS region the call went to, e.g. "us-east-1".', type: 'string', minLength: 1 },
    operation: {
      description:
        'The operation the call was: "Invoke" for an Invoke of any invocation type. Absent means InvokeAsync (what every cassette written before Invoke was served holds), so it is written only for Invoke. Replay matches on it.',
      enum: ['InvokeAsync', 'Invoke'],
    },
    invocationType: {
      description:
        'How an Invoke ran the function: "RequestResponse" (synchronous, the answer holds the result) or "DryRun". Absent means Event (InvokeAsync calls and asynchronous Invokes, what every cassette written before synchronous Invoke was served holds), so it is written only for the other two. Replay matches on it.',
      enum: ['Event', 'RequestResponse', 'DryRun'],
    },
    payload: {
      description:
        'The InvokeArgs bytes (for Invoke, the Payload bytes). Stored as `json` whenever they parse as JSON, so the cassette stays readable and matching can compare payloads by value.',
      allOf: [{ $ref: '#/definitions/Body' }],
    },
  },
};
const wrapper0 = { validate: validate15 };
function validate15(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  if (skipJsonValues) return true;
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  const _errs1 = errors;
  if (errors === _errs1) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      for (const key0 in data) {
        const _errs4 = errors;
        if (
          !wrapper0.validate(data[key0], {
            instancePath: instancePath + '/' + key0.replace(/~/g, '~0').replace(/\//g, '~1'),
            parentData: data,
            parentDataProperty: key0,
            rootData,
          })
        ) {
          vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
          errors = vErrors.length;
        }
        var valid1 = _errs4 === errors;
        if (!valid1) {
          break;
        }
      }
    } else {
      const err0 = {
        instancePath,
        schemaPath: '#/anyOf/0/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
  }
  var _valid0 = _errs1 === errors;
  valid0 = valid0 || _valid0;
  if (!valid0) {
    const _errs5 = errors;
    if (errors === _errs5) {
      if (Array.isArray(data)) {
        var valid2 = true;
        const len0 = data.length;
        for (let i0 = 0; i0 < len0; i0++) {
          const _errs7 = errors;
          if (
            !wrapper0.validate(data[i0], {
              instancePath: instancePath + '/' + i0,
              parentData: data,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? wrapper0.validate.errors : vErrors.concat(wrapper0.validate.errors);
            errors = vErrors.length;
          }
          var valid2 = _errs7 === errors;
          if (!valid2) {
            break;
          }
        }
      } else {
        const err1 = {
          instancePath,
          schemaPath: '#/anyOf/1/type',
          keyword: 'type',
          params: { type: 'array' },
          message: 'must be array',
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    var _valid0 = _errs5 === errors;
    valid0 = valid0 || _valid0;
    if (!valid0) {
      const _errs8 = errors;
      if (typeof data !== 'string') {
        const err2 = {
          instancePath,
          schemaPath: '#/anyOf/2/type',
          keyword: 'type',
          params: { type: 'string' },
          message: 'must be string',
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
      var _valid0 = _errs8 === errors;
      valid0 = valid0 || _valid0;
      if (!valid0) {
        const _errs10 = errors;
        if (!(typeof data == 'number' && isFinite(data))) {
          const err3 = {
            instancePath,
            schemaPath: '#/anyOf/3/type',
            keyword: 'type',
            params: { type: 'number' },
            message: 'must be number',
          };
          if (vErrors === null) {
            vErrors = [err3];
          } else {
            vErrors.push(err3);
          }
          errors++;
        }
        var _valid0 = _errs10 === errors;
        valid0 = valid0 || _valid0;
        if (!valid0) {
          const _errs12 = errors;
          if (typeof data !== 'boolean') {
            const err4 = {
              instancePath,
              schemaPath: '#/anyOf/4/type',
              keyword: 'type',
              params: { type: 'boolean' },
              message: 'must be boolean',
            };
            if (vErrors === null) {
              vErrors = [err4];
            } else {
              vErrors.push(err4);
            }
            errors++;
          }
          var _valid0 = _errs12 === errors;
          valid0 = valid0 || _valid0;
          if (!valid0) {
            const _errs14 = errors;
            if (data !== null) {
              const err5 = {
                instancePath,
                schemaPath: '#/anyOf/5/type',
                keyword: 'type',
                params: { type: 'null' },
                message: 'must be null',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
            }
            var _valid0 = _errs14 === errors;
            valid0 = valid0 || _valid0;
          }
        }
      }
    }
  }
  if (!valid0) {
    const err6 = {
      instancePath,
      schemaPath: '#/anyOf',
      keyword: 'anyOf',
      params: {},
      message: 'must match a schema in anyOf',
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
    validate15.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate15.errors = vErrors;
  return errors === 0;
}
function validate14(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (data.json === undefined && (missing0 = 'json')) {
        validate14.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === 'json')) {
            validate14.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.json !== undefined) {
            if (
              !validate15(data.json, {
                instancePath: instancePath + '/json',
                parentData: data,
                parentDataProperty: 'json',
                rootData,
              })
            ) {
              vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
              errors = vErrors.length;
            }
          }
        }
      }
    } else {
      validate14.errors = [
        { instancePath, schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' },
      ];
      return false;
    }
  }
  validate14.errors = vErrors;
  return errors === 0;
}
const formats0 = formats.base64;
function validate13(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  const _errs0 = errors;
  let valid0 = false;
  let passing0 = null;
  const _errs1 = errors;
  if (!validate14(data, { instancePath, parentData, parentDataProperty, rootData })) {
    vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
    errors = vErrors.length;
  }
  var _valid0 = _errs1 === errors;
  if (_valid0) {
    valid0 = true;
    passing0 = 0;
  }
  const _errs2 = errors;
  const _errs3 = errors;
  if (errors === _errs3) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (data.text === undefined && (missing0 = 'text')) {
        const err0 = {
          instancePath,
          schemaPath: '#/definitions/TextBody/required',
          keyword: 'required',
          params: { missingProperty: missing0 },
          message: "must have required property '" + missing0 + "'",
        };
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      } else {
        const _errs5 = errors;
        for (const key0 in data) {
          if (!(key0 === 'text')) {
            const err1 = {
              instancePath,
              schemaPath: '#/definitions/TextBody/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
            break;
          }
        }
        if (_errs5 === errors) {
          if (data.text !== undefined) {
            if (typeof data.text !== 'string') {
              const err2 = {
                instancePath: instancePath + '/text',
                schemaPath: '#/definitions/TextBody/properties/text/type',
                keyword: 'type',
                params: { type: 'string' },
                message: 'must be string',
              };
              if (vErrors === null) {
                vErrors = [err2];
              } else {
                vErrors.push(err2);
              }
              errors++;
            }
          }
        }
      }
    } else {
      const err3 = {
        instancePath,
        schemaPath: '#/definitions/TextBody/type',
        keyword: 'type',
        params: { type: 'object' },
        message: 'must be object',
      };
      if (vErrors === null) {
        vErrors = [err3];
      } else {
        vErrors.push(err3);
      }
      errors++;
    }
  }
  var _valid0 = _errs2 === errors;
  if (_valid0 && valid0) {
    valid0 = false;
    passing0 = [passing0, 1];
  } else {
    if (_valid0) {
      valid0 = true;
      passing0 = 1;
    }
    const _errs8 = errors;
    const _errs9 = errors;
    if (errors === _errs9) {
      if (data && typeof data == 'object' && !Array.isArray(data)) {
        let missing1;
        if (data.base64 === undefined && (missing1 = 'base64')) {
          const err4 = {
            instancePath,
            schemaPath: '#/definitions/Base64Body/required',
            keyword: 'required',
            params: { missingProperty: missing1 },
            message: "must have required property '" + missing1 + "'",
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        } else {
          const _errs11 = errors;
          for (const key1 in data) {
            if (!(key1 === 'base64')) {
              const err5 = {
                instancePath,
                schemaPath: '#/definitions/Base64Body/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key1 },
                message: 'must NOT have additional properties',
              };
              if (vErrors === null) {
                vErrors = [err5];
              } else {
                vErrors.push(err5);
              }
              errors++;
              break;
            }
          }
          if (_errs11 === errors) {
            if (data.base64 !== undefined) {
              let data1 = data.base64;
              const _errs12 = errors;
              if (errors === _errs12) {
                if (errors === _errs12) {
                  if (typeof data1 === 'string') {
                    if (!formats0.validate(data1)) {
                      const err6 = {
                        instancePath: instancePath + '/base64',
                        schemaPath: '#/definitions/Base64Body/properties/base64/format',
                        keyword: 'format',
                        params: { format: 'base64' },
                        message: 'must match format "' + 'base64' + '"',
                      };
                      if (vErrors === null) {
                        vErrors = [err6];
                      } else {
                        vErrors.push(err6);
                      }
                      errors++;
                    }
                  } else {
                    const err7 = {
                      instancePath: instancePath + '/base64',
                      schemaPath: '#/definitions/Base64Body/properties/base64/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    };
                    if (vErrors === null) {
                      vErrors = [err7];
                    } else {
                      vErrors.push(err7);
                    }
                    errors++;
                  }
                }
              }
            }
          }
        }
      } else {
        const err8 = {
          instancePath,
          schemaPath: '#/definitions/Base64Body/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    var _valid0 = _errs8 === errors;
    if (_valid0 && valid0) {
      valid0 = false;
      passing0 = [passing0, 2];
    } else {
      if (_valid0) {
        valid0 = true;
        passing0 = 2;
      }
    }
  }
  if (!valid0) {
    const err9 = {
      instancePath,
      schemaPath: '#/oneOf',
      keyword: 'oneOf',
      params: { passingSchemas: passing0 },
      message: 'must match exactly one schema in oneOf',
    };
    if (vErrors === null) {
      vErrors = [err9];
    } else {
      vErrors.push(err9);
    }
    errors++;
    validate13.errors = vErrors;
    return false;
  } else {
    errors = _errs0;
    if (vErrors !== null) {
      if (_errs0) {
        vErrors.length = _errs0;
      } else {
        vErrors = null;
      }
    }
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.functionName === undefined && (missing0 = 'functionName')) ||
        (data.region === undefined && (missing0 = 'region')) ||
        (data.payload === undefined && (missing0 = 'payload'))
      ) {
        validate12.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(
            key0 === 'functionName' ||
            key0 === 'qualifier' ||
            key0 === 'functionRef' ||
            key0 === 'region' ||
            key0 === 'operation' ||
            key0 === 'invocationType' ||
            key0 === 'payload'
          )) {
            validate12.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.functionName !== undefined) {
            let data0 = data.functionName;
            const _errs2 = errors;
            if (errors === _errs2) {
              if (typeof data0 === 'string') {
                if (func2(data0) > 170) {
                  validate12.errors = [
                    {
                      instancePath: instancePath + '/functionName',
                      schemaPath: '#/properties/functionName/maxLength',
                      keyword: 'maxLength',
                      params: { limit: 170 },
                      message: 'must NOT have more than 170 characters',
                    },
                  ];
                  return false;
                } else {
                  if (func2(data0) < 1) {
                    validate12.errors = [
                      {
                        instancePath: instancePath + '/functionName',
                        schemaPath: '#/properties/functionName/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                      },
                    ];
                    return false;
                  }
                }
              } else {
                validate12.errors = [
                  {
                    instancePath: instancePath + '/functionName',
                    schemaPath: '#/properties/functionName/type',
                    keyword: 'type',
                    params: { type: 'string' },
                    message: 'must be string',
                  },
                ];
                return false;
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.qualifier !== undefined) {
              let data1 = data.qualifier;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (typeof data1 === 'string') {
                  if (func2(data1) < 1) {
                    validate12.errors = [
                      {
                        instancePath: instancePath + '/qualifier',
                        schemaPath: '#/properties/qualifier/minLength',
                        keyword: 'minLength',
                        params: { limit: 1 },
                        message: 'must NOT have fewer than 1 characters',
                      },
                    ];
                    return false;
                  }
                } else {
                  validate12.errors = [
                    {
                      instancePath: instancePath + '/qualifier',
                      schemaPath: '#/properties/qualifier/type',
                      keyword: 'type',
                      params: { type: 'string' },
                      message: 'must be string',
                    },
                  ];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.functionRef !== undefined) {
                let data2 = data.functionRef;
                const _errs6 = errors;
                if (errors === _errs6) {
                  if (typeof data2 === 'string') {
                    if (func2(data2) > 170) {
                      validate12.errors = [
                        {
                          instancePath: instancePath + '/functionRef',
                          schemaPath: '#/properties/functionRef/maxLength',
                          keyword: 'maxLength',
                          params: { limit: 170 },
                          message: 'must NOT have more than 170 characters',
                        },
                      ];
                      return false;
                    } else {
                      if (func2(data2) < 1) {
                        validate12.errors = [
                          {
                            instancePath: instancePath + '/functionRef',
                            schemaPath: '#/properties/functionRef/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                          },
                        ];
                        return false;
                      }
                    }
                  } else {
                    validate12.errors = [
                      {
                        instancePath: instancePath + '/functionRef',
                        schemaPath: '#/properties/functionRef/type',
                        keyword: 'type',
                        params: { type: 'string' },
                        message: 'must be string',
                      },
                    ];
                    return false;
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.region !== undefined) {
                  let data3 = data.region;
                  const _errs8 = errors;
                  if (errors === _errs8) {
                    if (typeof data3 === 'string') {
                      if (func2(data3) < 1) {
                        validate12.errors = [
                          {
                            instancePath: instancePath + '/region',
                            schemaPath: '#/properties/region/minLength',
                            keyword: 'minLength',
                            params: { limit: 1 },
                            message: 'must NOT have fewer than 1 characters',
                          },
                        ];
                        return false;
                      }
                    } else {
                      validate12.errors = [
                        {
                          instancePath: instancePath + '/region',
                          schemaPath: '#/properties/region/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                        },
                      ];
                      return false;
                    }
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.operation !== undefined) {
                    let data4 = data.operation;
                    const _errs10 = errors;
                    if (!(data4 === 'InvokeAsync' || data4 === 'Invoke')) {
                      validate12.errors = [
                        {
                          instancePath: instancePath + '/operation',
                          schemaPath: '#/properties/operation/enum',
                          keyword: 'enum',
                          params: { allowedValues: schema14.properties.operation.enum },
                          message: 'must be equal to one of the allowed values',
                        },
                      ];
                      return false;
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.invocationType !== undefined) {
                      let data5 = data.invocationType;
                      const _errs11 = errors;
                      if (!(data5 === 'Event' || data5 === 'RequestResponse' || data5 === 'DryRun')) {
                        validate12.errors = [
                          {
                            instancePath: instancePath + '/invocationType',
                            schemaPath: '#/properties/invocationType/enum',
                            keyword: 'enum',
                            params: { allowedValues: schema14.properties.invocationType.enum },
                            message: 'must be equal to one of the allowed values',
                          },
                        ];
                        return false;
                      }
                      var valid0 = _errs11 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.payload !== undefined) {
                        const _errs12 = errors;
                        if (
                          !validate13(data.payload, {
                            instancePath: instancePath + '/payload',
                            parentData: data,
                            parentDataProperty: 'payload',
                            rootData,
                          })
                        ) {
                          vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
                          errors = vErrors.length;
                        }
                        var valid0 = _errs12 === errors;
                      } else {
                        var valid0 = true;
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate12.errors = [
        { instancePath, schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' },
      ];
      return false;
    }
  }
  validate12.errors = vErrors;
  return errors === 0;
}
const pattern0 = new RegExp('^[^A-Z]+$', 'u');
function validate20(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.status === undefined && (missing0 = 'status')) ||
        (data.headers === undefined && (missing0 = 'headers')) ||
        (data.body === undefined && (missing0 = 'body'))
      ) {
        validate20.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === 'status' || key0 === 'headers' || key0 === 'body')) {
            validate20.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.status !== undefined) {
            let data0 = data.status;
            const _errs2 = errors;
            if (!(typeof data0 == 'number' && !(data0 % 1) && !isNaN(data0) && isFinite(data0))) {
              validate20.errors = [
                {
                  instancePath: instancePath + '/status',
                  schemaPath: '#/properties/status/type',
                  keyword: 'type',
                  params: { type: 'integer' },
                  message: 'must be integer',
                },
              ];
              return false;
            }
            if (errors === _errs2) {
              if (typeof data0 == 'number' && isFinite(data0)) {
                if (data0 > 599 || isNaN(data0)) {
                  validate20.errors = [
                    {
                      instancePath: instancePath + '/status',
                      schemaPath: '#/properties/status/maximum',
                      keyword: 'maximum',
                      params: { comparison: '<=', limit: 599 },
                      message: 'must be <= 599',
                    },
                  ];
                  return false;
                } else {
                  if (data0 < 100 || isNaN(data0)) {
                    validate20.errors = [
                      {
                        instancePath: instancePath + '/status',
                        schemaPath: '#/properties/status/minimum',
                        keyword: 'minimum',
                        params: { comparison: '>=', limit: 100 },
                        message: 'must be >= 100',
                      },
                    ];
                    return false;
                  }
                }
              }
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.headers !== undefined) {
              let data1 = data.headers;
              const _errs4 = errors;
              if (errors === _errs4) {
                if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
                  for (const key1 in data1) {
                    const _errs6 = errors;
                    if (typeof key1 === 'string') {
                      if (!pattern0.test(key1)) {
                        const err0 = {
                          instancePath: instancePath + '/headers',
                          schemaPath: '#/properties/headers/propertyNames/pattern',
                          keyword: 'pattern',
                          params: { pattern: '^[^A-Z]+$' },
                          message: 'must match pattern "' + '^[^A-Z]+$' + '"',
                          propertyName: key1,
                        };
                        if (vErrors === null) {
                          vErrors = [err0];
                        } else {
                          vErrors.push(err0);
                        }
                        errors++;
                      }
                    }
                    var valid1 = _errs6 === errors;
                    if (!valid1) {
                      const err1 = {
                        instancePath: instancePath + '/headers',
                        schemaPath: '#/properties/headers/propertyNames',
                        keyword: 'propertyNames',
                        params: { propertyName: key1 },
                        message: 'property name must be valid',
                      };
                      if (vErrors === null) {
                        vErrors = [err1];
                      } else {
                        vErrors.push(err1);
                      }
                      errors++;
                      validate20.errors = vErrors;
                      return false;
                      break;
                    }
                  }
                  if (valid1) {
                    for (const key2 in data1) {
                      const _errs8 = errors;
                      if (typeof data1[key2] !== 'string') {
                        validate20.errors = [
                          {
                            instancePath: instancePath + '/headers/' + key2.replace(/~/g, '~0').replace(/\//g, '~1'),
                            schemaPath: '#/properties/headers/additionalProperties/type',
                            keyword: 'type',
                            params: { type: 'string' },
                            message: 'must be string',
                          },
                        ];
                        return false;
                      }
                      var valid2 = _errs8 === errors;
                      if (!valid2) {
                        break;
                      }
                    }
                  }
                } else {
                  validate20.errors = [
                    {
                      instancePath: instancePath + '/headers',
                      schemaPath: '#/properties/headers/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                    },
                  ];
                  return false;
                }
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.body !== undefined) {
                const _errs10 = errors;
                if (
                  !validate13(data.body, {
                    instancePath: instancePath + '/body',
                    parentData: data,
                    parentDataProperty: 'body',
                    rootData,
                  })
                ) {
                  vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs10 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate20.errors = [
        { instancePath, schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' },
      ];
      return false;
    }
  }
  validate20.errors = vErrors;
  return errors === 0;
}
const formats2 = formats['date-time'];
function validate11(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  if (skipInteractions) return true;
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.request === undefined && (missing0 = 'request')) ||
        (data.response === undefined && (missing0 = 'response')) ||
        (data.recordedAt === undefined && (missing0 = 'recordedAt'))
      ) {
        validate11.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === 'request' || key0 === 'response' || key0 === 'recordedAt')) {
            validate11.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.request !== undefined) {
            const _errs2 = errors;
            if (
              !validate12(data.request, {
                instancePath: instancePath + '/request',
                parentData: data,
                parentDataProperty: 'request',
                rootData,
              })
            ) {
              vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.response !== undefined) {
              const _errs4 = errors;
              if (
                !validate20(data.response, {
                  instancePath: instancePath + '/response',
                  parentData: data,
                  parentDataProperty: 'response',
                  rootData,
                })
              ) {
                vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.recordedAt !== undefined) {
                let data2 = data.recordedAt;
                const _errs6 = errors;
                if (errors === _errs6) {
                  if (errors === _errs6) {
                    if (typeof data2 === 'string') {
                      if (!formats2.validate(data2)) {
                        validate11.errors = [
                          {
                            instancePath: instancePath + '/recordedAt',
                            schemaPath: '#/properties/recordedAt/format',
                            keyword: 'format',
                            params: { format: 'date-time' },
                            message: 'must match format "' + 'date-time' + '"',
                          },
                        ];
                        return false;
                      }
                    } else {
                      validate11.errors = [
                        {
                          instancePath: instancePath + '/recordedAt',
                          schemaPath: '#/properties/recordedAt/type',
                          keyword: 'type',
                          params: { type: 'string' },
                          message: 'must be string',
                        },
                      ];
                      return false;
                    }
                  }
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
            }
          }
        }
      }
    } else {
      validate11.errors = [
        { instancePath, schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' },
      ];
      return false;
    }
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="write" */ let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.version === undefined && (missing0 = 'version')) ||
        (data.recordedWith === undefined && (missing0 = 'recordedWith')) ||
        (data.interactions === undefined && (missing0 = 'interactions'))
      ) {
        validate10.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === 'version' || key0 === 'recordedWith' || key0 === 'interactions' || key0 === 'filters')) {
            validate10.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.version !== undefined) {
            const _errs2 = errors;
            if (1 !== data.version) {
              validate10.errors = [
                {
                  instancePath: instancePath + '/version',
                  schemaPath: '#/properties/version/const',
                  keyword: 'const',
                  params: { allowedValue: 1 },
                  message: 'must be equal to constant',
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.recordedWith !== undefined) {
              let data1 = data.recordedWith;
              const _errs3 = errors;
              const _errs5 = errors;
              if (errors === _errs5) {
                if (data1 && typeof data1 == 'object' && !Array.isArray(data1)) {
                  let missing1;
                  if (
                    (data1.library === undefined && (missing1 = 'library')) ||
                    (data1.libraryVersion === undefined && (missing1 = 'libraryVersion')) ||
                    (data1.node === undefined && (missing1 = 'node'))
                  ) {
                    validate10.errors = [
                      {
                        instancePath: instancePath + '/recordedWith',
                        schemaPath: '#/definitions/RecordedWith/required',
                        keyword: 'required',
                        params: { missingProperty: missing1 },
                        message: "must have required property '" + missing1 + "'",
                      },
                    ];
                    return false;
                  } else {
                    const _errs7 = errors;
                    for (const key1 in data1) {
                      if (!(key1 === 'library' || key1 === 'libraryVersion' || key1 === 'node')) {
                        validate10.errors = [
                          {
                            instancePath: instancePath + '/recordedWith',
                            schemaPath: '#/definitions/RecordedWith/additionalProperties',
                            keyword: 'additionalProperties',
                            params: { additionalProperty: key1 },
                            message: 'must NOT have additional properties',
                          },
                        ];
                        return false;
                        break;
                      }
                    }
                    if (_errs7 === errors) {
                      if (data1.library !== undefined) {
                        let data2 = data1.library;
                        const _errs8 = errors;
                        if (errors === _errs8) {
                          if (typeof data2 === 'string') {
                            if (func2(data2) < 1) {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/recordedWith/library',
                                  schemaPath: '#/definitions/RecordedWith/properties/library/minLength',
                                  keyword: 'minLength',
                                  params: { limit: 1 },
                                  message: 'must NOT have fewer than 1 characters',
                                },
                              ];
                              return false;
                            }
                          } else {
                            validate10.errors = [
                              {
                                instancePath: instancePath + '/recordedWith/library',
                                schemaPath: '#/definitions/RecordedWith/properties/library/type',
                                keyword: 'type',
                                params: { type: 'string' },
                                message: 'must be string',
                              },
                            ];
                            return false;
                          }
                        }
                        var valid3 = _errs8 === errors;
                      } else {
                        var valid3 = true;
                      }
                      if (valid3) {
                        if (data1.libraryVersion !== undefined) {
                          let data3 = data1.libraryVersion;
                          const _errs10 = errors;
                          if (errors === _errs10) {
                            if (typeof data3 === 'string') {
                              if (func2(data3) < 1) {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/recordedWith/libraryVersion',
                                    schemaPath: '#/definitions/RecordedWith/properties/libraryVersion/minLength',
                                    keyword: 'minLength',
                                    params: { limit: 1 },
                                    message: 'must NOT have fewer than 1 characters',
                                  },
                                ];
                                return false;
                              }
                            } else {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/recordedWith/libraryVersion',
                                  schemaPath: '#/definitions/RecordedWith/properties/libraryVersion/type',
                                  keyword: 'type',
                                  params: { type: 'string' },
                                  message: 'must be string',
                                },
                              ];
                              return false;
                            }
                          }
                          var valid3 = _errs10 === errors;
                        } else {
                          var valid3 = true;
                        }
                        if (valid3) {
                          if (data1.node !== undefined) {
                            let data4 = data1.node;
                            const _errs12 = errors;
                            if (errors === _errs12) {
                              if (typeof data4 === 'string') {
                                if (func2(data4) < 1) {
                                  validate10.errors = [
                                    {
                                      instancePath: instancePath + '/recordedWith/node',
                                      schemaPath: '#/definitions/RecordedWith/properties/node/minLength',
                                      keyword: 'minLength',
                                      params: { limit: 1 },
                                      message: 'must NOT have fewer than 1 characters',
                                    },
                                  ];
                                  return false;
                                }
                              } else {
                                validate10.errors = [
                                  {
                                    instancePath: instancePath + '/recordedWith/node',
                                    schemaPath: '#/definitions/RecordedWith/properties/node/type',
                                    keyword: 'type',
                                    params: { type: 'string' },
                                    message: 'must be string',
                                  },
                                ];
                                return false;
                              }
                            }
                            var valid3 = _errs12 === errors;
                          } else {
                            var valid3 = true;
                          }
                        }
                      }
                    }
                  }
                } else {
                  validate10.errors = [
                    {
                      instancePath: instancePath + '/recordedWith',
                      schemaPath: '#/definitions/RecordedWith/type',
                      keyword: 'type',
                      params: { type: 'object' },
                      message: 'must be object',
                    },
                  ];
                  return false;
                }
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.interactions !== undefined) {
                let data5 = data.interactions;
                const _errs14 = errors;
                if (errors === _errs14) {
                  if (Array.isArray(data5)) {
                    var valid4 = true;
                    const len0 = data5.length;
                    for (let i0 = 0; i0 < len0; i0++) {
                      const _errs16 = errors;
                      if (
                        !validate11(data5[i0], {
                          instancePath: instancePath + '/interactions/' + i0,
                          parentData: data5,
                          parentDataProperty: i0,
                          rootData,
                        })
                      ) {
                        vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
                        errors = vErrors.length;
                      }
                      var valid4 = _errs16 === errors;
                      if (!valid4) {
                        break;
                      }
                    }
                  } else {
                    validate10.errors = [
                      {
                        instancePath: instancePath + '/interactions',
                        schemaPath: '#/properties/interactions/type',
                        keyword: 'type',
                        params: { type: 'array' },
                        message: 'must be array',
                      },
                    ];
                    return false;
                  }
                }
                var valid0 = _errs14 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.filters !== undefined) {
                  let data7 = data.filters;
                  const _errs17 = errors;
                  const _errs19 = errors;
                  if (errors === _errs19) {
                    if (data7 && typeof data7 == 'object' && !Array.isArray(data7)) {
                      const _errs21 = errors;
                      for (const key2 in data7) {
                        if (!(key2 === 'redact' || key2 === 'maskAccountIds')) {
                          validate10.errors = [
                            {
                              instancePath: instancePath + '/filters',
                              schemaPath: '#/definitions/Filters/additionalProperties',
                              keyword: 'additionalProperties',
                              params: { additionalProperty: key2 },
                              message: 'must NOT have additional properties',
                            },
                          ];
                          return false;
                          break;
                        }
                      }
                      if (_errs21 === errors) {
                        if (data7.redact !== undefined) {
                          let data8 = data7.redact;
                          const _errs22 = errors;
                          if (errors === _errs22) {
                            if (Array.isArray(data8)) {
                              var valid8 = true;
                              const len1 = data8.length;
                              for (let i1 = 0; i1 < len1; i1++) {
                                let data9 = data8[i1];
                                const _errs24 = errors;
                                if (errors === _errs24) {
                                  if (typeof data9 === 'string') {
                                    if (func2(data9) < 1) {
                                      validate10.errors = [
                                        {
                                          instancePath: instancePath + '/filters/redact/' + i1,
                                          schemaPath: '#/definitions/Filters/properties/redact/items/minLength',
                                          keyword: 'minLength',
                                          params: { limit: 1 },
                                          message: 'must NOT have fewer than 1 characters',
                                        },
                                      ];
                                      return false;
                                    }
                                  } else {
                                    validate10.errors = [
                                      {
                                        instancePath: instancePath + '/filters/redact/' + i1,
                                        schemaPath: '#/definitions/Filters/properties/redact/items/type',
                                        keyword: 'type',
                                        params: { type: 'string' },
                                        message: 'must be string',
                                      },
                                    ];
                                    return false;
                                  }
                                }
                                var valid8 = _errs24 === errors;
                                if (!valid8) {
                                  break;
                                }
                              }
                            } else {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/filters/redact',
                                  schemaPath: '#/definitions/Filters/properties/redact/type',
                                  keyword: 'type',
                                  params: { type: 'array' },
                                  message: 'must be array',
                                },
                              ];
                              return false;
                            }
                          }
                          var valid7 = _errs22 === errors;
                        } else {
                          var valid7 = true;
                        }
                        if (valid7) {
                          if (data7.maskAccountIds !== undefined) {
                            const _errs26 = errors;
                            if (typeof data7.maskAccountIds !== 'boolean') {
                              validate10.errors = [
                                {
                                  instancePath: instancePath + '/filters/maskAccountIds',
                                  schemaPath: '#/definitions/Filters/properties/maskAccountIds/type',
                                  keyword: 'type',
                                  params: { type: 'boolean' },
                                  message: 'must be boolean',
                                },
                              ];
                              return false;
                            }
                            var valid7 = _errs26 === errors;
                          } else {
                            var valid7 = true;
                          }
                        }
                      }
                    } else {
                      validate10.errors = [
                        {
                          instancePath: instancePath + '/filters',
                          schemaPath: '#/definitions/Filters/type',
                          keyword: 'type',
                          params: { type: 'object' },
                          message: 'must be object',
                        },
                      ];
                      return false;
                    }
                  }
                  var valid0 = _errs17 === errors;
                } else {
                  var valid0 = true;
                }
              }
            }
          }
        }
      }
    } else {
      validate10.errors = [
        { instancePath, schemaPath: '#/type', keyword: 'type', params: { type: 'object' }, message: 'must be object' },
      ];
      return false;
    }
  }
  validate10.errors = vErrors;
  return errors === 0;
}

let skipJsonValues = false;
let skipInteractions = false;
function variant(validate, skip) {
  const run = (data, context = {}) => {
    skipJsonValues = true;
    skipInteractions = skip;
    try {
      const valid = validate(data, context);
      run.errors = validate.errors;
      return valid;
    } finally {
      skipJsonValues = false;
      skipInteractions = false;
    }
  };
  return run;
}
export const validateWrite = validate10;
export const validateLoad = variant(validate10, false);
export const validateLoadShell = variant(validate10, true);
export const validateLoadInteraction = variant(validate11, false);
