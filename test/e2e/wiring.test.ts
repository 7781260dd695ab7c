/**
 * What the local runtime serves and what `cdk deploy` creates come from one
 * wiring definition; this holds the two equal, read back from each side.
 */
import { type CfnElement, Stack } from 'aws-cdk-lib';
import { testApp } from '../support/cdk.ts';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRuntime, type LocalRuntime, type ServedWiring } from '../../lib/local/runtime.ts';
import { PetitionsStack } from '../../lib/stack.ts';
import { FUNCTIONS, QUEUES, TOPICS, type FunctionName } from '../../lib/wiring.ts';
import type { TopicName } from '../../functions/queues/names.ts';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;

/** The wiring as the synthesized template has it, in the runtime's terms. */
function deployedWiring(): ServedWiring {
  // Skip bundling: only the template's shape matters here.
  const app = testApp();
  const stack = new PetitionsStack(app, 'Petitions');
  const resources = Template.fromStack(stack).toJSON().Resources as Resources;
  const idOf = (construct: { node: { defaultChild?: unknown } }) => Stack.of(stack).getLogicalId(construct.node.defaultChild as CfnElement);
  const functionByLogicalId = new Map(
    (Object.keys(FUNCTIONS) as FunctionName[]).map((name) => [idOf(stack.functions.byName[name].function), name]),
  );
  const queueByLogicalId = new Map(QUEUES.map((q) => [idOf(stack.queues.get(q.name).queue), q.name]));
  const topicByLogicalId = new Map(TOPICS.map((t) => [idOf(stack.topics.get(t.name)), t.name]));
  const functionOf = (reference: any): FunctionName => {
    const id = reference?.Ref ?? reference?.['Fn::GetAtt']?.[0];
    const name = functionByLogicalId.get(id);
    if (!name) throw new Error(`no wiring function for ${JSON.stringify(reference)}`);
    return name;
  };
  const ofType = (type: string) => Object.values(resources).filter((r) => r.Type === type);

  const table = ofType('AWS::DynamoDB::Table')[0]!.Properties;
  const keyNames = (schema: Array<{ AttributeName: string }>) => schema.map((k) => k.AttributeName);
  return {
    routes: ofType('AWS::ApiGatewayV2::Route').map((route) => ({
      key: route.Properties.RouteKey as string,
      authorization: (route.Properties.AuthorizationType ?? 'NONE') as 'JWT' | 'NONE',
    })),
    queues: ofType('AWS::Lambda::EventSourceMapping').map((mapping) => {
      const queueId = mapping.Properties.EventSourceArn['Fn::GetAtt'][0] as string;
      const queue = resources[queueId]!.Properties;
      return {
        name: queueByLogicalId.get(queueId)!,
        consumer: functionOf(mapping.Properties.FunctionName),
        batchSize: mapping.Properties.BatchSize as number,
        maxConcurrency: mapping.Properties.ScalingConfig.MaximumConcurrency as number,
        visibilityTimeout: queue.VisibilityTimeout as number,
        maxReceiveCount: queue.RedrivePolicy.maxReceiveCount as number,
      };
    }),
    schedules: ofType('AWS::Events::Rule').flatMap((rule) => rule.Properties.Targets.map((t: { Arn: unknown }) => functionOf(t.Arn))),
    topics: Object.entries(resources)
      .filter(([, r]) => r.Type === 'AWS::SNS::Topic')
      .map(([id]) => topicByLogicalId.get(id))
      .filter((name): name is TopicName => name !== undefined),
    table: {
      keys: keyNames(table.KeySchema),
      indexes: (table.GlobalSecondaryIndexes as any[]).map((index) => ({
        name: index.IndexName,
        keys: keyNames(index.KeySchema),
        include: index.Projection.NonKeyAttributes,
      })),
      timeToLive: table.TimeToLiveSpecification?.AttributeName,
    },
  };
}

function normalized(wiring: ServedWiring) {
  const byName = <T extends { name: string }>(list: T[]) => [...list].sort((a, b) => a.name.localeCompare(b.name));
  return {
    routes: [...wiring.routes].sort((a, b) => a.key.localeCompare(b.key)),
    queues: byName(wiring.queues),
    schedules: [...wiring.schedules].sort(),
    topics: [...wiring.topics].sort(),
    table: {
      ...wiring.table,
      indexes: byName(wiring.table.indexes).map((index) => ({ ...index, include: [...index.include].sort() })),
    },
  };
}

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ port: 0, timeScale: 1, sweepIntervalSeconds: 3600 });
});
afterAll(() => runtime?.stop());

describe('the local runtime and the CDK stack', () => {
  it('serve the same routes, queues and consumers, schedules, topics, table and indexes', async () => {
    const served = normalized(await runtime.describe());
    const deployed = normalized(deployedWiring());
    expect(served.routes.length).toBeGreaterThan(0);
    expect(served.queues.length).toBeGreaterThan(0);
    expect(served).toEqual(deployed);
  });
});
