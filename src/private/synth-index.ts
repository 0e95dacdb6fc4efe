import { IConstruct } from 'constructs';

const values = new WeakMap<IConstruct, Map<Function, unknown>>();
const registrations = new WeakMap<IConstruct, Set<Function>>();

/**
 * A value computed at most once per validation pass over the whole app (an index of its objects),
 * shared by every construct that validates against it, so that checks stay linear in the number
 * of objects. (`App.synth()` validates the app once per chart, `GoldenApp` once per synth.)
 *
 * The first call for an app registers a validation on the app root that forgets the value: cdk8s
 * validates the root before any other construct, so each pass computes a fresh index, and only
 * when some construct asks for it.
 */
export function synthIndex<T>(scope: IConstruct, build: (root: IConstruct) => T): () => T {
  const root = scope.node.root;
  let cache = values.get(root);
  if (!cache) {
    cache = new Map();
    values.set(root, cache);
  }
  const store = cache;
  let registered = registrations.get(root);
  if (!registered) {
    registered = new Set();
    registrations.set(root, registered);
  }
  if (!registered.has(build)) {
    registered.add(build);
    root.node.addValidation({ validate: () => { store.delete(build); return []; } });
  }
  return () => {
    if (!store.has(build)) {
      store.set(build, build(root));
    }
    return store.get(build) as T;
  };
}

/**
 * One `GoldenApp` synth in progress: the JSON of each ApiObject, computed at most once in it and
 * shared by the guardrails and the YAML writer, and the validations deferred to the end of its
 * validation pass.
 *
 * Why the guardrails are deferred: their JSON is reused for the output only if nothing can change
 * an object between the guardrails' `toJson()` and the writing of the files. Another construct's
 * validation that runs after the guardrails' could (validations are code); so under `GoldenApp`
 * the guardrails run after every other validation of the pass, on the final state of the tree, and
 * their errors are put back exactly where they would have been. After the validation pass
 * `GoldenApp` only resolves the dependencies between charts, which adds dependencies and changes
 * no object's JSON.
 */
export class SynthSession {
  /** The JSON of each ApiObject in this synth (by the guardrails; `GoldenApp` reads it). */
  public readonly json = new Map<IConstruct, any>();
  /** The construct whose validations `GoldenApp` is running, when it may defer one of them. */
  private current: IConstruct | undefined;
  /** The deferred validations, by the token that stands for their errors. */
  private readonly deferred = new Map<string, () => string[]>();

  constructor(public readonly root: IConstruct) {}

  /**
   * Runs the validations of every construct, in order, as `node.validate()` would, but runs the
   * deferrable ones (the guardrails) after all the others. Returns, in the order of `constructs`,
   * each construct with its errors.
   */
  public validateAll(constructs: ReadonlyArray<IConstruct>): Array<{ construct: IConstruct; error: string }> {
    const results: Array<{ construct: IConstruct; error: string }> = [];
    const previous = activeSession;
    activeSession = this;
    try {
      for (const construct of constructs) {
        this.current = construct;
        let errors: string[];
        try {
          errors = construct.node.validate();
        } finally {
          this.current = undefined;
        }
        for (const error of errors) {
          results.push({ construct, error });
        }
      }
      // Each token stands where the deferred validation's errors go; replace it with them.
      return results.flatMap((result) => {
        const run = this.deferred.get(result.error);
        if (run === undefined) {
          return [result];
        }
        this.deferred.delete(result.error);
        return run().map((error) => ({ construct: result.construct, error }));
      });
    } finally {
      this.deferred.clear();
      activeSession = previous;
    }
  }

  /**
   * Called by a validation of `scope` that may run last: returns a token to return instead of its
   * errors (and runs it at the end of the pass), or undefined when the validation must run now
   * (not within `validateAll` of this session, or a nested call).
   */
  public defer(scope: IConstruct, run: () => string[]): string | undefined {
    if (this.current !== scope) {
      return undefined;
    }
    // Defer once per construct visit: any nested validation of the same scope runs at once.
    this.current = undefined;
    const token = `\u0000deferred-validation-${++tokens}`;
    this.deferred.set(token, run);
    return token;
  }
}

let activeSession: SynthSession | undefined;
let tokens = 0;

/** The `GoldenApp` synth in progress in the app of `scope`, if any. */
export function synthSessionOf(scope: IConstruct): SynthSession | undefined {
  return activeSession !== undefined && activeSession.root === scope.node.root ? activeSession : undefined;
}
