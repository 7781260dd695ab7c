import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AssetHashType, DockerImage, Duration, RemovalPolicy, type ILocalBundling } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Limit } from '../../functions/domain/policy.ts';
import { LOG_RETENTION } from './log-retention.ts';
import { Construct } from 'constructs';
import { BUNDLING, functionBundles } from '../bundling.ts';
import type { FunctionName, FunctionWiring } from '../wiring.ts';

/** The repository root: entries in the wiring are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PetitionFunctionProps {
  /** Its name in the wiring: its bundle's folder. */
  name: FunctionName;
  wiring: FunctionWiring;
  /** From `environmentOf(...)` in the wiring: table name, queue URLs, topic ARNs. */
  environment: Record<string, string>;
  /** Policy overrides (ISO-8601 durations), passed as JSON in POLICY. */
  policy?: Record<string, Limit>;
}

/**
 * The asset's bundling: copy the function's folder from the one build of
 * every function (lib/bundling.ts functionBundles), made when the first
 * asset is staged. The CDK calls it only when the stack is bundled (not when
 * a test's app skips bundling); its name tells the assets apart.
 */
class FromFunctionBundles implements ILocalBundling {
  constructor(readonly functionName: FunctionName) {}

  tryBundle(outputDir: string): boolean {
    cpSync(join(functionBundles(), this.functionName), outputDir, { recursive: true });
    return true;
  }
}

/**
 * Every function of the system, set up one way: Node.js 22 on ARM, X-Ray
 * tracing, its own log group with a retention, an ESM bundle with the SDK v3
 * inside (tree-shaken, minified, credentials from the environment only: fast
 * cold starts; lib/bundling.ts) and source maps.
 */
export class PetitionFunction extends Construct {
  readonly function: LambdaFunction;
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

    this.function = new LambdaFunction(this, 'Function', {
      code: Code.fromAsset(PROJECT_ROOT, {
        // The hash of the bundle, not of the project: a function redeploys when its own bundle changes.
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          local: new FromFunctionBundles(props.name),
          // Never pulled: the local bundling always succeeds (aws-lambda-nodejs passes the same placeholder then).
          image: DockerImage.fromRegistry('dummy'),
        },
      }),
      // `handler` of the bundle's index.mjs (BUNDLE_FILE).
      handler: 'index.handler',
      description: wiring.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      tracing: Tracing.ACTIVE,
      timeout: Duration.seconds(wiring.timeoutSeconds),
      memorySize: wiring.memoryMb,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        NODE_OPTIONS: BUNDLING.nodeOptions,
        POWERTOOLS_SERVICE_NAME: 'petitions',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        ...props.environment,
        ...(props.policy ? { POLICY: JSON.stringify(props.policy) } : {}),
      },
    });
  }
}
