import { Testing } from 'cdk8s';
import { GatewayShopChart } from '../../examples/gateway-api/main';
import { buildApp as buildInternalApis } from '../../examples/internal-apis/main';
import { buildApp as buildPlatformProfile } from '../../examples/platform-profile/main';
import { PodCompositionChart } from '../../examples/pod-composition/main';
import { StorefrontChart } from '../../examples/web-service/main';
import { ShopWorkloadsChart } from '../../examples/workload-shapes/main';
import { Guardrails } from '../../src/guardrails/guardrails';

// The examples are what app teams copy: each one synthesizes with the whole app protected by the
// synth-time guardrails, which would throw on a single error-level finding; and prints no warning.

function synthProtected(build: (app: ReturnType<typeof Testing.app>) => void): { stderr: string } {
  const app = Testing.app();
  build(app);
  Guardrails.protect(app);
  const written: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: any) => {
    written.push(String(chunk));
    return true;
  });
  try {
    app.synth();
  } finally {
    spy.mockRestore();
  }
  return { stderr: written.join('') };
}

describe('the examples under synth-time guardrails', () => {
  test('web-service', () => {
    expect(synthProtected((app) => new StorefrontChart(app, 'shop'))).toEqual({ stderr: '' });
  });

  test('gateway-api', () => {
    expect(synthProtected((app) => new GatewayShopChart(app, 'shop'))).toEqual({ stderr: '' });
  });

  test('internal-apis', () => {
    expect(synthProtected((app) => buildInternalApis(app))).toEqual({ stderr: '' });
  });

  test('platform-profile', () => {
    expect(synthProtected((app) => buildPlatformProfile(app))).toEqual({ stderr: '' });
  });

  test('workload-shapes', () => {
    expect(synthProtected((app) => new ShopWorkloadsChart(app, 'shop'))).toEqual({ stderr: '' });
  });

  test('pod-composition', () => {
    expect(synthProtected((app) => new PodCompositionChart(app, 'shop'))).toEqual({ stderr: '' });
  });
});
