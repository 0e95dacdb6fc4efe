import { ApiObject, JsonPatch } from 'cdk8s';

/**
 * Makes JSON patches on a typed `k8s.Kube*` object keep the values they set.
 *
 * A typed object renders in two steps: cdk8s resolves its props and applies the JSON patches,
 * then the typed converter maps every field to JSON, reading a Quantity or IntOrString field as
 * an object (`.value`). A plain value a patch wrote into such a field (`cpu: '500m'`,
 * `targetPort: 'metrics'`, `maxSurge: 2`) is no such object, so the converter turns it into
 * `null` or drops it. Here the patches are kept aside and applied after the converter ran, on
 * the JSON the manifest holds: what a patch sets is what the output says. Without patches the
 * output is the typed object's own, byte for byte.
 *
 * Every typed object the library exposes (`web.deployment`, `web.service`, …) goes through this
 * when it is created.
 */
export function keepPatchedValues<T extends ApiObject>(obj: T): T {
  const patches: JsonPatch[] = [];
  const typedToJson = obj.toJson.bind(obj);
  Object.defineProperty(obj, 'addJsonPatch', {
    value: (...ops: JsonPatch[]): void => {
      patches.push(...ops);
    },
  });
  Object.defineProperty(obj, 'toJson', {
    value: (): any => {
      const json = typedToJson();
      if (patches.length === 0) {
        return json;
      }
      try {
        return JsonPatch.apply(json, ...patches);
      } catch (e) {
        throw new Error(`Failed serializing construct at path '${obj.node.path}' with name '${obj.name}': ${e}`);
      }
    },
  });
  return obj;
}
