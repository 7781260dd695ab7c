import { createHash } from 'node:crypto';
import { CustomResource, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { LOG_RETENTION } from './log-retention.ts';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { DEFAULT_CATEGORIES, DEMO_REGIONS } from '../../functions/reference/demo.ts';
import type { PetitionFunction } from './petition-function.ts';

export interface SeedProps {
  /** The seedReferenceData function: a custom-resource onEvent handler. */
  handler: PetitionFunction;
  table: ITable;
}

/** A hash of the reference data: when it changes, CloudFormation updates the resource and the seed runs again. */
export function referenceDataVersion(): string {
  return createHash('sha256')
    .update(JSON.stringify({ regions: DEMO_REGIONS, categories: DEFAULT_CATEGORIES }))
    .digest('hex')
    .slice(0, 16);
}

/** Loads the reference data (regions, categories) into the table on deploy. */
export class Seed extends Construct {
  readonly resource: CustomResource;
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
      description: 'Custom-resource provider that runs the reference-data seed',
    });
    logGroup.grantWrite(role);

    this.provider = new Provider(this, 'Provider', {
      onEventHandler: props.handler.function,
      logGroup,
      frameworkOnEventRole: role,
    });
    this.resource = new CustomResource(this, 'ReferenceData', {
      serviceToken: this.provider.serviceToken,
      resourceType: 'Custom::ReferenceData',
      properties: { version: referenceDataVersion() },
    });
    // The table must exist (and be writable) before the seed runs.
    this.resource.node.addDependency(props.table);
  }
}
