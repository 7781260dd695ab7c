import { CfnOutput, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { type CfnStage, CorsHttpMethod, HttpApi, HttpMethod, type HttpRoute, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { LOG_RETENTION } from './log-retention.ts';
import { Construct } from 'constructs';
import { SERVED_ROUTES, THROTTLES, type FunctionName, type RouteWiring, type StandardRouteWiring, type TokenCheck } from '../wiring.ts';
import type { PetitionFunction } from './petition-function.ts';

export interface ApiProps {
  functions: Record<FunctionName, PetitionFunction>;
  /** Who issues staff tokens, and for which audience: the gateway checks them on 'staff' routes. */
  staffTokens: TokenCheck;
  /** The origins of browser pages that call the API (CORS): the petitioner's pages. */
  corsOrigins?: string[];
}

/**
 * The HTTP API: one route per wiring route, payload format 2.0, a default
 * stage that throttles each route by its wiring's throttle class. 'staff'
 * routes sit behind a JWT authorizer; 'public' and 'optional' routes have
 * none (an optional token is checked by the handler).
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly authorizer: HttpJwtAuthorizer;
  /** The stage's access logs: no personal data, one JSON line per request. */
  readonly accessLogs: LogGroup;
  /** Each wiring route with the route it became. */
  readonly routes: { wiring: RouteWiring | StandardRouteWiring; route: HttpRoute }[] = [];

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'Petitions API',
      // Our own default stage below, with access logs and throttling.
      createDefaultStage: false,
      // The gateway answers the pages' preflight itself; no route sees an OPTIONS request.
      ...(props.corsOrigins && {
        corsPreflight: {
          allowOrigins: props.corsOrigins,
          allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST],
          allowHeaders: ['content-type', 'x-access-code', 'idempotency-key', 'x-booking-code'],
          exposeHeaders: ['location', 'retry-after'],
          maxAge: Duration.hours(1),
        },
      }),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // For a route without settings of its own: every wiring route has them (below).
      throttle: THROTTLES.staff,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        // No source IP and no raw path: personal data stays out of the logs.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('StaffAuthorizer', props.staffTokens.issuer, {
      jwtAudience: [props.staffTokens.audience],
      identitySource: ['$request.header.Authorization'],
    });

    // One integration per function, shared by its routes.
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    for (const route of SERVED_ROUTES) {
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`${route.function}Integration`, props.functions[route.function].function);
        integrations.set(route.function, integration);
      }
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        ...(route.auth === 'staff' ? { authorizer: this.authorizer } : {}),
      });
      this.routes.push({ wiring: route, route: httpRoute! });
    }

    // Per-route throttling has no L2 property: the stage's RouteSettings, keyed
    // by route key. The stage must come after the routes it names.
    const cfnStage = this.stage.node.defaultChild as CfnStage;
    cfnStage.routeSettings = Object.fromEntries(
      SERVED_ROUTES.map(({ method, path, throttle }) => {
        const { rateLimit, burstLimit } = THROTTLES[throttle];
        return [`${method} ${path}`, { ThrottlingRateLimit: rateLimit, ThrottlingBurstLimit: burstLimit }];
      }),
    );
    for (const { route } of this.routes) this.stage.node.addDependency(route);

    new CfnOutput(scope, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the HTTP API' });
  }
}
