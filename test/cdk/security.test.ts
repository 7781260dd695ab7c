/**
 * The stack's hardening, read from the synthesized template: staff MFA, the
 * per-route throttling the wiring declares, and one log retention.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOG_RETENTION } from '../../lib/constructs/log-retention.ts';
import { PetitionsStack } from '../../lib/stack.ts';
import { SERVED_ROUTES, THROTTLES } from '../../lib/wiring.ts';
import { testApp } from '../support/cdk.ts';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

describe('stack hardening', { timeout: 120_000 }, () => {
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

  beforeAll(() => {
    const stack = new PetitionsStack(testApp(), 'Petitions');
    resources = Template.fromStack(stack).toJSON().Resources;
  }, 120_000);

  it('requires a TOTP second factor of every staff member, and offers no SMS', () => {
    const [[, pool]] = ofType('AWS::Cognito::UserPool') as [[string, Resource]];
    expect(pool.Properties.MfaConfiguration).toBe('ON');
    expect(pool.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(pool.Properties).not.toHaveProperty('SmsConfiguration');
  });

  describe('throttling', () => {
    const stage = () => ofType('AWS::ApiGatewayV2::Stage')[0]![1];

    it.each(SERVED_ROUTES.map((route) => [`${route.method} ${route.path}`, route.throttle] as const))('%s: throttled as %s', (key, throttle) => {
      expect(stage().Properties.RouteSettings[key]).toEqual({
        ThrottlingRateLimit: THROTTLES[throttle].rateLimit,
        ThrottlingBurstLimit: THROTTLES[throttle].burstLimit,
      });
    });

    it('names no route the API does not have, and is created after every route it names', () => {
      const routes = ofType('AWS::ApiGatewayV2::Route');
      const keys = routes.map(([, route]) => route.Properties.RouteKey as string);
      expect(Object.keys(stage().Properties.RouteSettings).sort()).toEqual(keys.sort());
      expect(stage().DependsOn).toEqual(expect.arrayContaining(routes.map(([logicalId]) => logicalId)));
    });

    it('holds anonymous intake, verification, progress and evaluation tighter than staff routes', () => {
      const anonymous = SERVED_ROUTES.filter((route) => route.throttle === 'anonymous').map((route) => `${route.method} ${route.path}`);
      expect(anonymous).toEqual(
        expect.arrayContaining(['POST /v1/cases', 'GET /v1/cases/{id}/progress', 'POST /v1/cases/{id}/evaluation', 'POST /v1/cases/{id}/review-request']),
      );
      for (const verification of ['POST /v1/verifications', 'POST /v1/access-recovery']) {
        const route = SERVED_ROUTES.find((r) => `${r.method} ${r.path}` === verification);
        if (route) expect(route.throttle).toBe('anonymous');
      }
      expect(SERVED_ROUTES.filter((route) => route.auth === 'staff').every((route) => route.throttle === 'staff')).toBe(true);
      expect(THROTTLES.anonymous.rateLimit).toBeLessThan(THROTTLES.public.rateLimit);
      expect(THROTTLES.public.rateLimit).toBeLessThan(THROTTLES.staff.rateLimit);
      expect(THROTTLES.anonymous.burstLimit).toBeLessThan(THROTTLES.staff.burstLimit);
    });
  });

  it('keeps every log group (functions, API access log, seed provider) for the one retention', () => {
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThan(3);
    for (const [, group] of groups) expect(group.Properties.RetentionInDays).toBe(LOG_RETENTION);
    expect(LOG_RETENTION).toBeGreaterThanOrEqual(180);
  });
});
