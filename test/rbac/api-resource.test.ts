import { ApiResource } from '../../src/rbac/api-resource';

describe('ApiResource', () => {
  test.each([
    ['CONFIG_MAPS', ApiResource.CONFIG_MAPS, '', 'configmaps', 'configmaps'],
    ['SECRETS', ApiResource.SECRETS, '', 'secrets', 'secrets'],
    ['PODS', ApiResource.PODS, '', 'pods', 'pods'],
    ['PODS_LOG', ApiResource.PODS_LOG, '', 'pods/log', 'pods/log'],
    ['PODS_EXEC', ApiResource.PODS_EXEC, '', 'pods/exec', 'pods/exec'],
    ['PODS_ATTACH', ApiResource.PODS_ATTACH, '', 'pods/attach', 'pods/attach'],
    ['SERVICES', ApiResource.SERVICES, '', 'services', 'services'],
    ['ENDPOINT_SLICES', ApiResource.ENDPOINT_SLICES, 'discovery.k8s.io', 'endpointslices', 'endpointslices.discovery.k8s.io'],
    ['EVENTS', ApiResource.EVENTS, '', 'events', 'events'],
    ['LEASES', ApiResource.LEASES, 'coordination.k8s.io', 'leases', 'leases.coordination.k8s.io'],
    ['DEPLOYMENTS', ApiResource.DEPLOYMENTS, 'apps', 'deployments', 'deployments.apps'],
  ])('%s names its API group and plural resource', (_name, resource, apiGroup, plural, shown) => {
    // GIVEN / WHEN / THEN
    expect(resource).toBeInstanceOf(ApiResource);
    expect(resource.apiGroup).toBe(apiGroup);
    expect(resource.resource).toBe(plural);
    expect(resource.toString()).toBe(shown);
    expect(`${resource}`).toBe(shown);
  });

  test('the constants are shared instances', () => {
    // GIVEN / WHEN / THEN
    expect(ApiResource.SECRETS).toBe(ApiResource.SECRETS);
    expect(ApiResource.of('', 'secrets')).not.toBe(ApiResource.SECRETS);
    expect(ApiResource.of('', 'secrets')).toEqual(ApiResource.SECRETS);
  });

  test('of names a custom resource as resource.group', () => {
    // GIVEN / WHEN
    const certificates = ApiResource.of('cert-manager.io', 'certificates');
    // THEN
    expect(certificates).toBeInstanceOf(ApiResource);
    expect(certificates.apiGroup).toBe('cert-manager.io');
    expect(certificates.resource).toBe('certificates');
    expect(certificates.toString()).toBe('certificates.cert-manager.io');
  });

  test('of with the core group shows the resource alone, subresource included', () => {
    // GIVEN / WHEN
    const status = ApiResource.of('', 'pods/status');
    // THEN
    expect(status.toString()).toBe('pods/status');
  });

  test('of keeps anything it is given (checkGrant refuses wildcards and malformed names)', () => {
    // GIVEN / WHEN
    const wildcard = ApiResource.of('*', '*');
    // THEN
    expect(wildcard.apiGroup).toBe('*');
    expect(wildcard.resource).toBe('*');
    expect(wildcard.toString()).toBe('*.*');
  });
});
