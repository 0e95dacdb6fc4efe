import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { apiServerEgressRule } from '../../src/platform/api-server';

function scope(): Construct {
  return new Construct(Testing.chart(), 'web');
}

describe('apiServerEgressRule', () => {
  test('allows TCP to every address block of the API server on its endpoint port, in one rule', () => {
    // GIVEN / WHEN
    const rule = apiServerEgressRule(scope(), 'apiServer', { cidrs: ['10.0.0.10/32', '10.0.0.11/32'], port: 6443 });
    // THEN
    expect(rule.to).toEqual([{ ipBlock: { cidr: '10.0.0.10/32' } }, { ipBlock: { cidr: '10.0.0.11/32' } }]);
    expect(rule.ports!.map((p) => [p.port!.value, p.protocol])).toEqual([[6443, 'TCP']]);
  });

  test.each([
    ['no object', 'https://10.0.0.10', "[test/web] apiServer: must be the API server's addresses and port, got 'https://10.0.0.10'; pass { cidrs: ['10.0.0.10/32'], port: 443 }"],
    ['no address', { cidrs: [], port: 443 },
      "[test/web] apiServer.cidrs: must list at least one address block, got []; pass the endpoint addresses of the `kubernetes` Service, such as ['10.0.0.10/32']"],
    ['an address without a prefix', { cidrs: ['10.0.0.10'], port: 443 },
      "[test/web] apiServer.cidrs[0]: must be a CIDR block, got '10.0.0.10'; use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'"],
    ['no port', { cidrs: ['10.0.0.10/32'] },
      '[test/web] apiServer.port: must be a whole number from 1 to 65535, got undefined; set apiServer.port to a whole number from 1 to 65535'],
  ])('refuses %s', (_, address, message) => {
    // GIVEN / WHEN / THEN
    expect(() => apiServerEgressRule(scope(), 'apiServer', address)).toThrow(new Error(message));
  });
});
