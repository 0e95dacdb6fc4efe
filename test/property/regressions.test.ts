/**
 * The counterexamples the property tests found (issue 9), shrunk by fast-check, kept as named,
 * plain tests with the concrete props. Each asserts the correct behaviour; all nine defects found
 * are fixed in src/.
 */
import { App, Chart, Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  expectHardened, expectHardenedOrRefused, expectRefused, namespaced, synthApp,
} from './arbitraries';
import {
  ApiResource, CanaryRelease, HealthCheck, InternalApi, NetworkPeer, NetworkPort, PlatformDefaults, ResourcePreset, TrafficStrategy, WebService,
} from '../../src';

const IMAGE = 'ghcr.io/acme/storefront:2.0.1';

/** A WebService with extra props in chart `shop`. */
function web(app: App, props: object): WebService {
  return new WebService(namespaced(app), 'storefront', { image: IMAGE, ...props });
}

/** The output of a WebService with extra props, synthesized. */
function synthWeb(props: object): any[] {
  const app = new App();
  web(app, props);
  return synthApp(app);
}

const nullPrototype = <T extends object>(o: T): T => Object.assign(Object.create(null), o);

describe('defect 1: a map without a prototype (Object.create(null)) crashes the synth with a TypeError', () => {
  // Found by: WebService valid props, seed 20250609; counterexample
  // { image: '0@sha256:aaa0…', podAnnotations: {__proto__:null} }:
  // "Failed serializing construct at path 'shop/storefront/Deployment' with name 'storefront':
  //  TypeError: Cannot read properties of undefined (reading 'name')".
  test('podAnnotations as a null-prototype object: synthesized like a plain object', () => {
    const docs = synthWeb({ podAnnotations: nullPrototype({ 'prometheus.io/scrape': 'true' }) });
    expect(docs.find((d) => d.kind === 'Deployment').spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true' });
    expectHardened(docs);
  });

  // Found by: WebService valid props with wiring, seed 20250609; counterexample
  // { image: 'a:0' } with allowFrom(NetworkPeer.pods({__proto__:null, …}, { namespace: 'elsewhere-…' })):
  // "Failed serializing construct at path 'shop/storefront/NetworkPolicy' …: TypeError: …".
  test('NetworkPeer.pods with null-prototype labels: synthesized like plain labels', () => {
    const app = new App();
    web(app, {}).allowFrom(NetworkPeer.pods(nullPrototype({ role: 'worker' }), { namespace: 'elsewhere' }));
    const docs = synthApp(app);
    const policy = docs.find((d) => d.kind === 'NetworkPolicy');
    expect(policy.spec.ingress.map((r: any) => r.from[0].podSelector?.matchLabels)).toContainEqual({ role: 'worker' });
    expectHardened(docs);
  });

  test('the same maps as plain objects synthesize (the control case)', () => {
    const app = new App();
    web(app, { podAnnotations: { 'prometheus.io/scrape': 'true' } }).allowFrom(NetworkPeer.pods({ role: 'worker' }, { namespace: 'elsewhere' }));
    expectHardened(synthApp(app));
  });

  test('labels, annotations, env, config and ingressAnnotations as null-prototype objects already synthesize', () => {
    const docs = synthWeb({
      host: 'shop.example.com',
      labels: nullPrototype({ 'acme.com/team': 'shop' }),
      annotations: nullPrototype({ 'acme.com/owner': 'shop' }),
      env: nullPrototype({ LOG_LEVEL: 'info' }),
      config: nullPrototype({ 'app.yaml': 'a: 1' }),
      ingressAnnotations: nullPrototype({ 'nginx.ingress.kubernetes.io/proxy-body-size': '1m' }),
    });
    expectHardened(docs);
  });
});

describe('defect 2: option objects of the wrong JavaScript type are silently ignored instead of refused', () => {
  // Found by: the invalid-props properties; shrunk counterexamples: rollout: 'fast', shutdown: 42,
  // security: true, HealthCheck.httpGet('/r', 42): the synth succeeds with the defaults.
  test.each([
    ['rollout', 'fast'],
    ['rollout', 42],
    ['shutdown', 'fast'],
    ['shutdown', ['x']],
    ['security', true],
    ['security', 'fast'],
  ])('%s: %p is refused in the library\'s format', (field, value) => {
    const message = expectRefused((app) => web(app, { [field]: value }));
    expect(message).toMatch(new RegExp(`^\\[shop/storefront\\] ${field}: `));
  });

  test('HealthCheck options of the wrong type (42) are refused in the library\'s format', () => {
    const message = expectRefused((app) => web(app, { readinessProbe: HealthCheck.httpGet('/ready', 42 as any) }));
    expect(message).toMatch(/^\[shop\/storefront\] readinessProbe/);
  });

  test('PlatformDefaults.set with an array instead of the defaults object is refused', () => {
    expectRefused((app) => PlatformDefaults.set(app, [] as any));
  });

  test('PlatformDefaults securityPreset given as a string is refused, not read as PLATFORM_ASSIGNED', () => {
    const app = new App();
    // 'restricted' has no fixedIds: the workload silently loses its fixed UID and GID.
    expect(() => {
      PlatformDefaults.set(app, { securityPreset: 'restricted' as any });
      web(app, {});
      synthApp(app);
    }).toThrow(/securityPreset/);
  });

  test('PlatformDefaults cpuLimits given as a boolean is refused (holds)', () => {
    expect(() => {
      const app = new App();
      PlatformDefaults.set(app, { cpuLimits: false as any });
      web(app, {});
      synthApp(app);
    }).toThrow(/cpuLimits/);
  });

  test('the same options as objects of the right type are honoured (the control case)', () => {
    const deployment = synthWeb({ rollout: { maxSurgePercent: 50 }, security: { runAsUser: 20000 } }).find((d) => d.kind === 'Deployment');
    expect(deployment.spec.strategy.rollingUpdate.maxSurge).toBe('50%');
    expect(deployment.spec.template.spec.securityContext.runAsUser).toBe(20000);
  });
});

describe('defect 3: configMountPath spellings of / and /tmp get past the check', () => {
  // Found by: the invalid-props property (configMountPath); counterexamples '//', '//tmp', '/./tmp', '/tmp/.':
  // the ConfigMap is mounted over the root or over the writable /tmp emptyDir.
  test.each(['//', '//tmp', '/./tmp', '/tmp/.', '/config/../tmp'])('configMountPath %p is refused', (configMountPath) => {
    const message = expectRefused((app) => web(app, { config: { 'app.yaml': 'a: 1' }, configMountPath }));
    expect(message).toContain('configMountPath: must be an absolute path other than / and /tmp');
  });

  test('configMountPath at the API token path, with a grant, is refused (two volumes on one mount path)', () => {
    const message = expectRefused((app) => web(app, { config: { 'app.yaml': 'a: 1' }, configMountPath: '/var/run/secrets/kubernetes.io/serviceaccount' })
      .grantRead(ApiResource.CONFIG_MAPS, { names: ['flags'] }));
    expect(message).toContain('configMountPath');
  });

  test('/ and /tmp themselves are refused (the control case)', () => {
    for (const configMountPath of ['/', '/tmp', '/tmp/']) {
      expect(expectRefused((app) => web(app, { config: { 'app.yaml': 'a: 1' }, configMountPath }))).toContain('configMountPath');
    }
  });
});

describe('defect 4: annotations larger than the API server accepts (256 KiB in all) are not refused', () => {
  // Found by: the very-long-values mutations; the API server refuses the whole object
  // ("metadata.annotations: Too long: must have at most 262144 bytes").
  test('an annotation value of 300,000 bytes is refused at synth', () => {
    const message = expectRefused((app) => web(app, { annotations: { 'acme.com/big': 'x'.repeat(300_000) } }));
    expect(message).toContain('annotations');
  });

  test('podAnnotations of 300,000 bytes are refused at synth', () => {
    const message = expectRefused((app) => web(app, { podAnnotations: { 'acme.com/big': 'x'.repeat(300_000) } }));
    expect(message).toContain('podAnnotations');
  });
});

describe('defect 5: props that switch off a hardening are accepted, and the output then fails the guardrails', () => {
  // Found by: the hardened-or-refused property; the output has a pss-apparmor finding.
  test('podAnnotations that make the container AppArmor unconfined are refused', () => {
    // Today: accepted, and the output has a pss-apparmor finding (see the control case below for the contract).
    expectRefused((app) => web(app, { podAnnotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } }));
  });

  test('the hardened-or-refused contract holds for an AppArmor annotation that keeps the default (the control case)', () => {
    expect(expectHardenedOrRefused((app) => web(app, { podAnnotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' } }))).toBe('hardened');
  });

  // Found by: the hardened-or-refused property; the output has an ack-reason finding at error level.
  test.each(['', '   '])('an acknowledgement annotation with the blank reason %p is refused', (reason) => {
    expectRefused((app) => web(app, { annotations: { 'ack.cdk8s-golden.io/replicas': reason } }));
  });
});

describe('defect 6: sizes of 1e21 MiB and more are written in exponent form (\'1e+21Mi\'), which fails the Kubernetes schema', () => {
  // Found by: the out-of-range mutations (1e21); the output has memory '1e+21Mi' and emptyDir sizeLimit
  // '1e+21Mi': "must match format quantity" in the 1.30 schema.
  test('memory Size.mebibytes(1e21) is refused', () => {
    expect(expectHardenedOrRefused((app) => web(app, { resources: ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(1e21) }) }))).toBe('refused');
  });

  test('cpuRequest Cpu.millis(1e21) is written as a plain number of cores (holds: a valid quantity)', () => {
    expect(expectHardenedOrRefused((app) => web(app, { resources: ResourcePreset.custom({ cpuRequest: Cpu.millis(1e21), memory: Size.mebibytes(128) }) }))).toBe('hardened');
  });

  test('tmpVolumeSize Size.mebibytes(1e21) is refused', () => {
    expect(expectHardenedOrRefused((app) => web(app, { tmpVolumeSize: Size.mebibytes(1e21) }))).toBe('refused');
  });
});

describe('defect 7: a CanaryRelease does not check its own env and config when every track replaces them', () => {
  // Found by: CanaryRelease invalid props, seed 20250609; counterexample
  // { replicas: 2, host: 'shop.example.com', strategy: ingressNginx(), stable: { image: 'a:0', env: {} } } with env: { 'BAD NAME': 'x' }.
  test('an invalid release env is refused even when the stable track sets its own', () => {
    const message = expectRefused((app) => new CanaryRelease(namespaced(app), 'storefront', {
      stable: { image: 'a:0', env: {} }, env: { 'BAD NAME': 'x' }, host: 'shop.example.com', strategy: TrafficStrategy.ingressNginx(),
    }));
    expect(message).toContain('env');
  });

  test('an invalid release config is refused even when both tracks set their own', () => {
    const message = expectRefused((app) => new CanaryRelease(namespaced(app), 'storefront', {
      stable: { image: 'a:0', config: { 'a.yaml': '1' } },
      canary: { image: 'a:1', weight: 10, config: { 'a.yaml': '2' } },
      config: { 'bad/key': 'x' },
      host: 'shop.example.com',
    }));
    expect(message).toContain('config');
  });

  test('an invalid release env is refused when no track replaces it (the control case)', () => {
    expectRefused((app) => new CanaryRelease(namespaced(app), 'storefront', { stable: { image: 'a:0' }, env: { 'BAD NAME': 'x' }, host: 'shop.example.com' }));
  });
});

describe('defect 8: PlatformDefaults labels of the wrong type are spread into labels, or dropped', () => {
  // Found by: PlatformDefaults invalid presets, seed 20250609; counterexample
  // app: { labels: 'fast' } with the images ['a:a', 'a:aa']: the synth succeeds, and every object
  // carries the labels { '0': 'f', '1': 'a', '2': 's', '3': 't' }.
  test.each([['fast'], [['team-a']], [42], [true]])('PlatformDefaults labels %p are refused', (labels) => {
    const message = expectRefused((app) => {
      PlatformDefaults.set(app, { labels: labels as any });
      web(app, {});
    });
    expect(message).toContain('labels');
  });

  test('labels of the wrong type on the construct itself are refused (the control case)', () => {
    expect(expectRefused((app) => web(app, { labels: 'fast' }))).toContain('labels: must be a map of strings to strings');
  });
});

describe('defect 9: a bad env or config of a CanaryRelease track is refused under the release\'s field name', () => {
  // Found by: CanaryRelease invalid props, a random seed (-1987155821) at 400 runs; counterexample
  // { replicas: 2, stable: { image: 'ghcr.io/acme/storefront:2.0.1', env: { 'BAD NAME': 'x' } } }:
  // "[shop/storefront] env.BAD NAME: is not a valid environment variable name, …" although `env` is not set.
  test.each([
    ['stable', { image: 'a:1', env: { 'BAD NAME': 'x' } }, /^\[shop\/storefront\] stable\.env\.BAD NAME: /],
    ['stable', { image: 'a:1', env: { DB_PASSWORD: 'x' } }, /^\[shop\/storefront\] stable\.env\.DB_PASSWORD: /],
    ['stable', { image: 'a:1', config: { 'bad/key': 'x' } }, /^\[shop\/storefront\] stable\.config: /],
    ['canary', { image: 'a:2', weight: 5, env: { 'BAD NAME': 'x' } }, /^\[shop\/storefront\] canary\.env\.BAD NAME: /],
  ])('%s track %p names the track\'s field', (track, given, expected) => {
    const props: any = { stable: { image: 'a:1' }, host: 'shop.example.com', [track as string]: given };
    expect(expectRefused((app) => new CanaryRelease(namespaced(app), 'storefront', props))).toMatch(expected as RegExp);
  });
});

describe('held: namespace names are DNS labels wherever Kubernetes needs one', () => {
  // Suspected from checkReferenceName (dots, up to 253 characters); the library refuses these.
  test('ingressControllerNamespace with a dot is refused (no namespace can have that name)', () => {
    expectRefused((app) => web(app, { ingressControllerNamespace: 'ingress.nginx' }));
  });

  test('ingressControllerNamespace of 64 characters is refused (the NetworkPolicy selector value is no label value)', () => {
    expectRefused((app) => web(app, { ingressControllerNamespace: 'n'.repeat(64) }));
  });

  test('a Gateway namespace with a dot is refused (the HTTPRoute fails the Gateway API schema)', () => {
    expect(expectHardenedOrRefused((app) => new CanaryRelease(namespaced(app), 'storefront', {
      stable: { image: 'a:0' }, strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gate.ways' }),
    }))).toBe('refused');
  });

  test('NetworkPeer.namespace with a dot is refused', () => {
    expectRefused((app) => new InternalApi(namespaced(app), 'orders', { image: 'a:1' }).allowFrom(NetworkPeer.namespace('monitoring.system')));
  });
});

describe('held: IP blocks the API server would refuse are refused', () => {
  // Kubernetes requires `except` entries to be strict subsets of `cidr`; README promises that a CIDR
  // with host bits set is refused.
  test('an except range outside the cidr is refused', () => {
    expectRefused((app) => web(app, {}).allowTo(NetworkPeer.ipBlock('10.0.0.0/8', [NetworkPort.tcp(443)], ['192.168.0.0/16'])));
  });

  test('an IPv6 cidr with host bits set is refused, as an IPv4 one is', () => {
    expectRefused((app) => web(app, {}).allowTo(NetworkPeer.ipBlock('2001:db8::1/32', [NetworkPort.tcp(443)])));
  });

  test('an IPv4 cidr with host bits set is refused (the control case)', () => {
    expect(expectRefused((app) => web(app, {}).allowTo(NetworkPeer.ipBlock('10.0.0.1/8', [NetworkPort.tcp(443)])))).toContain('host bits');
  });
});

describe('defect 10: paths: null on an exposed service is read as the default path', () => {
  // Found by the WebService property at 200 runs: { host, paths: null } synthesized with the
  // path '/' instead of being refused (`props.paths ?? ['/']`).
  test('WebService with a host and paths: null is refused', () => {
    expect(expectRefused((app) => web(app, { host: 'shop.example.com', paths: null }))).toContain(
      "paths: must be a non-empty list of path prefixes, got null; pass ['/'] or ['/api', '/static'], or leave it out for '/'");
  });

  test('a Gateway API canary with a host and paths: null is refused', () => {
    expect(expectRefused((app) => new CanaryRelease(namespaced(app), 'orders', {
      stable: { image: IMAGE },
      host: 'orders.example.com',
      paths: null as any,
      strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public' }),
    }))).toContain('paths: must be a non-empty list of path prefixes, got null');
  });

  test('paths left out is the default path (the control case)', () => {
    const route = synthWeb({ host: 'shop.example.com' }).find((d) => d.kind === 'Ingress');
    expect(route.spec.rules[0].http.paths.map((p: any) => p.path)).toEqual(['/']);
  });
});

describe('kept from the properties: cases that hold', () => {
  test('an App-level platform value of the wrong type is refused where it is set, even if a Chart would override it', () => {
    const app = new App();
    expect(() => PlatformDefaults.set(app, { resources: {} as any })).toThrow(new Error(
      '[<app>] PlatformDefaults.resources: must be a ResourcePreset, got {}; use ResourcePreset.SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})'));
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    PlatformDefaults.set(chart, { resources: ResourcePreset.XSMALL });
    new WebService(chart, 'storefront', { image: IMAGE });
    expectHardened(synthApp(app));
  });
});
