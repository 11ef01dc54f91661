/**
 * Fastify's schema compilers, deferred to each route's first request. By default Fastify builds
 * every validator (Ajv, one instance per plugin context that adds a schema, each compiling the
 * JSON Schema meta-schema) and every response serializer (fast-json-stringify, again for each
 * automatic HEAD route) before it listens: about a fifth of this service's start-up, mostly for
 * routes that are rarely or never called in a process's life. Here each compiles on first use
 * with the same compilers and options, so requests are validated and serialised exactly as before.
 *
 * Trade-offs: the first request to a route pays its compilation (a few ms; the first one that
 * validates also pays Ajv's start and meta-schema, 50-70 ms), and a broken schema fails that
 * route's first request (a 500) instead of the start-up; the route tests call every route. Fastify treats a
 * compilersFactory as a custom validator, so it no longer lower-cases the keys of `headers`
 * schemas: no route has one; give one lower-case keys.
 */
import { createRequire } from "node:module";
import type * as AjvCompilerModule from "@fastify/ajv-compiler";
import type { ValidatorFactory } from "@fastify/ajv-compiler";
import type * as SerializerModule from "@fastify/fast-json-stringify-compiler";
import type { SerializerFactory } from "@fastify/fast-json-stringify-compiler";

// The compilers themselves (Ajv, fast-json-stringify: ~50 ms to load) are required on the first
// compilation, synchronously, as Fastify calls a route's validator and serializer synchronously.
const require = createRequire(import.meta.url);
const loadAjvCompiler = () =>
  (require("@fastify/ajv-compiler") as typeof AjvCompilerModule).AjvCompiler;
const loadSerializerSelector = () =>
  (require("@fastify/fast-json-stringify-compiler") as typeof SerializerModule).SerializerSelector;

type Validator = ReturnType<ReturnType<ValidatorFactory>>;
type Serializer = ReturnType<ReturnType<SerializerFactory>>;

/** `schemaController.compilersFactory` for Fastify's options: the default compilers, lazily. */
export function lazyCompilersFactory(): {
  buildValidator: ValidatorFactory;
  buildSerializer: SerializerFactory;
} {
  let buildValidator: ValidatorFactory | undefined;
  let buildSerializer: SerializerFactory | undefined;
  return {
    buildValidator: lazyValidatorFactory((...args) =>
      (buildValidator ??= loadAjvCompiler()())(...args),
    ),
    buildSerializer: lazySerializerFactory((...args) =>
      (buildSerializer ??= loadSerializerSelector()())(...args),
    ),
  };
}

/**
 * Fastify asks for a validator compiler per plugin context, and the default builds one Ajv per
 * distinct set of shared schemas (three here: the root, /faq's and /ask's), each compiling the
 * meta-schema (~50 ms). Since every shared schema has its own `$id`, one Ajv holding them all
 * validates alike; it is built on the first validation, when every context has been registered.
 * A context whose `$id` clashes with another's (same id, other schema) keeps its own Ajv. (A route
 * could now `$ref` a schema added in a sibling plugin without an error; none does.)
 */
function lazyValidatorFactory(buildDefault: ValidatorFactory): ValidatorFactory {
  type Schemas = Parameters<ValidatorFactory>[0];
  const shared: Record<string, Schemas[string]> = {};
  return (externalSchemas, options) => {
    const clashes = Object.entries(externalSchemas).some(
      ([id, schema]) => shared[id] !== undefined && shared[id] !== schema,
    );
    if (!clashes) Object.assign(shared, externalSchemas);
    let compiler: ReturnType<ValidatorFactory> | undefined;
    return (route) => {
      let compiled: Validator | undefined;
      const validate = ((data: unknown) => {
        compiled ??= (compiler ??= buildDefault(clashes ? externalSchemas : shared, options))(
          route,
        );
        const valid = compiled(data);
        // Fastify reads a failed validation's errors from the function it called.
        validate.errors = compiled.errors;
        return valid;
      }) as Validator;
      return validate;
    };
  };
}

function lazySerializerFactory(buildDefault: SerializerFactory): SerializerFactory {
  return (externalSchemas, options) => {
    let compiler: ReturnType<SerializerFactory> | undefined;
    return (route) => {
      let compiled: Serializer | undefined;
      return (document: unknown) => {
        compiled ??= (compiler ??= buildDefault(externalSchemas, options))(route);
        return compiled(document);
      };
    };
  };
}
