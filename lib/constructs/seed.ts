import { createHash } from 'node:crypto';
import { CustomResource, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { LOG_RETENTION } from './log-retention.ts';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { migrationsVersion } from '../../functions/migrations/registry.ts';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../../functions/reference/demo.ts';
import { MIGRATIONS_RESOURCE_TYPE } from '../../functions/seed/seed-reference-data.ts';
import type { PetitionFunction } from './petition-function.ts';

export interface SeedProps {
  /** The seedReferenceData function: a custom-resource onEvent handler. */
  handler: PetitionFunction;
  table: ITable;
  /** Load the demo reference data (default true); the migrations run either way. */
  referenceData?: boolean;
  /** The functions that must run the new code before the migrations start: every function of the stack. */
  functions: readonly PetitionFunction[];
}

/** A hash of the reference data: when it changes, CloudFormation updates the resource and the seed runs again. */
export function referenceDataVersion(): string {
  return createHash('sha256')
    .update(JSON.stringify({ regions: DEMO_REGIONS, categories: DEFAULT_CATEGORIES }))
    .digest('hex')
    .slice(0, 16);
}

/** On deploy: runs the data migrations not yet done, and loads the reference data (regions, categories). */
export class Seed extends Construct {
  readonly resource?: CustomResource;
  readonly migrations: CustomResource;
  readonly provider: Provider;

  constructor(scope: Construct, id: string, props: SeedProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'ProviderLogs', {
      retention: LOG_RETENTION,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // The framework function's own role: its log group and the invoke the provider adds, no managed policy.
    const role = new iam.Role(this, 'ProviderRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Custom-resource provider that runs the reference-data seed and the data migrations',
    });
    logGroup.grantWrite(role);

    this.provider = new Provider(this, 'Provider', {
      onEventHandler: props.handler.function,
      logGroup,
      frameworkOnEventRole: role,
    });
    if (props.referenceData ?? true) {
      this.resource = new CustomResource(this, 'ReferenceData', {
        serviceToken: this.provider.serviceToken,
        resourceType: 'Custom::ReferenceData',
        properties: { version: referenceDataVersion() },
      });
      // The table must exist (and be writable) before the seed runs.
      this.resource.node.addDependency(props.table);
    }
    this.migrations = new CustomResource(this, 'Migrations', {
      serviceToken: this.provider.serviceToken,
      resourceType: MIGRATIONS_RESOURCE_TYPE,
      properties: { steps: migrationsVersion() },
    });
    // After every function runs the new code: nothing writes entries of the old shape behind a backfill.
    this.migrations.node.addDependency(props.table, ...props.functions.map((fn) => fn.function));
  }
}
