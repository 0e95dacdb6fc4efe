import { App, ApiObject, Chart, Testing } from 'cdk8s';
import { checkManifests } from '../../../src/guardrails/engine';
import { Guardrails } from '../../../src/guardrails/guardrails';
import { Manifest } from '../../../src/guardrails/manifest';
import { routeListener } from '../../../src/guardrails/rules/route-listener';
import { PlatformDefaults } from '../../../src/platform/platform-defaults';
import { CONFIG_MAP, messagesOf } from '../helpers';

const GATEWAY: Manifest = {
  apiVersion: 'gateway.networking.k8s.io/v1',
  kind: 'Gateway',
  metadata: { name: 'public', namespace: 'gateways' },
  spec: {
    gatewayClassName: 'envoy',
    listeners: [{ name: 'https', protocol: 'HTTPS', port: 443 }, { name: 'http', protocol: 'HTTP', port: 80 }],
  },
};

function route(parentRef: Manifest): Manifest {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'storefront', namespace: 'shop' },
    spec: { parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', ...parentRef }], rules: [] },
  };
}

describe('route-listener, on plain YAML: compared with the Gateway of the same input', () => {
  test('compliant: a parentRef naming a listener and its port, or no listener at all', () => {
    // GIVEN
    const manifests = [GATEWAY, route({ sectionName: 'https', port: 443 }), { ...route({}), metadata: { name: 'any', namespace: 'shop' } }];
    // WHEN / THEN
    expect(messagesOf(routeListener, manifests)).toEqual([]);
  });

  test('non-compliant: a section and a port no listener has', () => {
    // GIVEN
    const manifests = [GATEWAY, route({ sectionName: 'httpss', port: 8443 })];
    // WHEN
    const messages = messagesOf(routeListener, manifests);
    // THEN
    expect(messages).toEqual([
      "parentRef 0 names listener 'httpss', which Gateway gateways/public does not have (its listeners: 'https', 'http')",
      'parentRef 0 names port 8443, on which Gateway gateways/public has no listener (its ports: 443, 80)',
    ]);
  });

  test('not applicable: a route to a Gateway that is not in the input, a parentRef to a Service, a ConfigMap', () => {
    // GIVEN
    const manifests = [route({ sectionName: 'nowhere' }), route({ group: '', kind: 'Service', name: 'mesh', sectionName: 'x' }), CONFIG_MAP];
    // WHEN / THEN
    expect(messagesOf(routeListener, manifests)).toEqual([]);
  });
});

describe('route-listener, with the listener the platform declared', () => {
  const declaredListeners = [{ namespace: 'gateways', name: 'public', sectionName: 'https' }];
  const messages = (manifests: Manifest[]) => checkManifests(manifests, { rules: [routeListener], declaredListeners }).map((f) => f.message);

  test('compliant: the route names the declared listener', () => {
    expect(messages([route({ sectionName: 'https' })])).toEqual([]);
  });

  test('non-compliant: no listener, or another one, even one the Gateway of the input has', () => {
    expect(messages([route({})])).toEqual(["parentRef 0 names no listener of Gateway gateways/public, and the platform declared 'https'"]);
    expect(messages([GATEWAY, route({ sectionName: 'http' })])).toEqual(["parentRef 0 names listener 'http', which Gateway gateways/public does not have (the platform declared 'https')"]);
  });

  test('not applicable: a route to another Gateway', () => {
    expect(messages([route({ name: 'internal' })])).toEqual([]);
  });
});

describe('route-listener at synth: the gate knows PlatformDefaults.gateway', () => {
  function synth(sectionName: string | undefined): () => void {
    const app: App = Testing.app();
    PlatformDefaults.set(app, { gateway: { name: 'public', namespace: 'gateways', sectionName: 'https' } });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new ApiObject(chart, 'route', route({ sectionName }) as any);
    Guardrails.protect(chart, { reportWarnings: false });
    return () => app.synth();
  }

  test('a hand-written route naming the declared listener passes', () => {
    expect(synth('https')).not.toThrow();
  });

  test('a hand-written route without it fails the synth, naming the rule', () => {
    expect(synth(undefined)).toThrow(/route-listener.*parentRef 0 names no listener of Gateway gateways\/public, and the platform declared 'https'/s);
  });
});
