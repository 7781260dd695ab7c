import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogLevel, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { LOG_RETENTION } from './log-retention.ts';
import { Construct } from 'constructs';
import { BUNDLING } from '../bundling.ts';
import type { FunctionWiring } from '../wiring.ts';

/** The repository root: entries in the wiring are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PetitionFunctionProps {
  wiring: FunctionWiring;
  /** From `environmentOf(...)` in the wiring: table name, queue URLs, topic ARNs. */
  environment: Record<string, string>;
  /** Policy overrides (ISO-8601 durations), passed as JSON in POLICY. */
  policy?: Record<string, string>;
}

/**
 * Every function of the system, set up one way: Node.js 22 on ARM, X-Ray
 * tracing, its own log group with a retention, an ESM bundle with the SDK v3
 * inside (tree-shaken, minified, credentials from the environment only: fast
 * cold starts; lib/bundling.ts) and source maps.
 */
export class PetitionFunction extends Construct {
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: PetitionFunctionProps) {
    super(scope, id);
    const { wiring } = props;

    // An explicit log group: retention is ours, no log-retention custom resource.
    this.logGroup = new LogGroup(this, 'LogGroup', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole: it may write to its
    // own log group and nothing else; grants add the rest.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: wiring.description,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, wiring.entry),
      handler: 'handler',
      description: wiring.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: Duration.seconds(wiring.timeoutSeconds),
      memorySize: wiring.memoryMb,
      role: this.role,
      logGroup: this.logGroup,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      environment: {
        NODE_OPTIONS: BUNDLING.nodeOptions,
        POWERTOOLS_SERVICE_NAME: 'petitions',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
        ...(props.policy ? { POLICY: JSON.stringify(props.policy) } : {}),
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        sourcesContent: BUNDLING.sourcesContent,
        target: BUNDLING.target,
        mainFields: [...BUNDLING.mainFields],
        banner: BUNDLING.banner,
        // Bundle the SDK v3 too: a tree-shaken bundle starts faster than the runtime's copy.
        externalModules: [],
        esbuildArgs: { '--alias': Object.entries(BUNDLING.aliases).map(([module, replacement]) => `${module}=${replacement}`) },
        forceDockerBundling: false,
        // Quiet synth: esbuild reports only problems.
        logLevel: LogLevel.WARNING,
      },
    });
  }
}
