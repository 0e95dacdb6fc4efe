import { ApiObject, App, Chart } from 'cdk8s';
import { TrafficStrategy } from './canary/traffic-strategy';
import { CanaryRelease } from './canary-release';
import { InternalApi } from './internal-api';
import { SecureNamespace } from './secure-namespace';
import { WebService } from './web-service';

let warmedUp = false;

/**
 * Serialises one of each golden construct, once per process, in a throwaway app that is then
 * dropped. `GoldenApp` calls it before the charts of a large app exist.
 *
 * Why: in V8 every `{}` starts with one shared object shape, and each property name first added
 * to such an object adds a transition from that shape, up to 1,536. The constructs library keeps
 * every construct's children in such an object, so an app of 1,500 charts whose first children
 * have different ids uses all of them. From then on, every object that cdk8s's serialisers build
 * from `{}` with a first property not seen before gets a shape of its own, and `toJson()` runs
 * 3-4x slower: 2,000 charts of one InternalApi each took 1.7 s of `toJson()` instead of 0.55 s
 * for the same objects in one chart (bench/README.md, case d). Transitions made before the limit
 * is reached stay, so serialising these objects first keeps their shapes shared.
 *
 * @returns how many objects it serialised: 0 after the first call in a process
 */
export function warmUpSerialiserShapes(): number {
  if (warmedUp) {
    return 0;
  }
  warmedUp = true;
  const app = new App({ outdir: 'dist' });
  const chart = new Chart(app, 'warm-up', { namespace: 'warm-up' });
  new SecureNamespace(chart, 'namespace', { name: 'warm-up' });
  const web = new WebService(chart, 'web', {
    image: 'registry.invalid/web:1.0.0',
    port: 8080,
    host: 'web.invalid',
    env: { MODE: 'warm-up' },
    config: { 'app.yaml': 'mode: warm-up' },
  });
  const api = new InternalApi(chart, 'api', { image: 'registry.invalid/api:1.0.0' });
  api.allowFrom(web);
  new CanaryRelease(chart, 'release', {
    stable: { image: 'registry.invalid/release:1.0.0' },
    canary: { image: 'registry.invalid/release:1.1.0', weight: 10 },
    host: 'release.invalid',
    strategy: TrafficStrategy.gatewayApi({ gatewayName: 'warm-up', gatewayNamespace: 'warm-up' }),
  });
  let serialised = 0;
  for (const construct of chart.node.findAll()) {
    if (construct instanceof ApiObject) {
      construct.toJson();
      serialised++;
    }
  }
  return serialised;
}
