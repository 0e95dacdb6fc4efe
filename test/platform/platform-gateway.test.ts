import { Testing } from 'cdk8s';
import { checkPlatformGateway } from '../../src/platform/platform-gateway';

const NAME_FIX = "use lower-case letters, digits, '-' and '.', such as 'app-secrets'";
const NAMESPACE_FIX = "use lower-case letters, digits and '-', such as 'payments'";

describe('checkPlatformGateway', () => {
  test('returns a plain copy of every field given, and nothing for the fields left out', () => {
    // GIVEN
    const scope = Testing.chart();
    // WHEN
    const full = checkPlatformGateway(scope, 'gateway', { name: 'public', namespace: 'gateways', sectionName: 'https', controllerNamespace: 'envoy' });
    const smallest = checkPlatformGateway(scope, 'gateway', { name: 'public', namespace: 'gateways', sectionName: undefined });
    // THEN
    expect(full).toEqual({ name: 'public', namespace: 'gateways', sectionName: 'https', controllerNamespace: 'envoy' });
    expect(Object.keys(smallest)).toEqual(['name', 'namespace']);
  });

  test.each([
    ['no object', null, "gateway: must name the platform's Gateway, got null; pass { name: 'public', namespace: 'gateway-system' }"],
    ['a list', [], "gateway: must name the platform's Gateway, got []; pass { name: 'public', namespace: 'gateway-system' }"],
    ['a misspelt field', { name: 'public', namespace: 'gateways', section: 'https' },
      "gateway.section: is not a field of the platform Gateway, got 'section'; use one of name, namespace, sectionName, controllerNamespace"],
    ['no name', { namespace: 'gateways' }, `gateway.name: must be the name of an object (a DNS subdomain), got undefined; ${NAME_FIX}`],
    ['no namespace', { name: 'public' }, `gateway.namespace: must be a namespace name (a DNS label of at most 63 characters), got undefined; ${NAMESPACE_FIX}`],
    ['a bad section', { name: 'public', namespace: 'gateways', sectionName: 'HTTPS' }, `gateway.sectionName: must be the name of an object (a DNS subdomain), got 'HTTPS'; ${NAME_FIX}`],
    ['a bad data-plane namespace', { name: 'public', namespace: 'gateways', controllerNamespace: 'a.b' },
      `gateway.controllerNamespace: must be a namespace name (a DNS label of at most 63 characters), got 'a.b'; ${NAMESPACE_FIX}`],
  ])('refuses %s', (_name, value, message) => {
    expect(() => checkPlatformGateway(Testing.chart(), 'gateway', value)).toThrow(new Error(`[test] ${message}`));
  });
});
