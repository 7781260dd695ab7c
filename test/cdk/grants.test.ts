/**
 * Each function's role, in the synthesized template, against every AWS API
 * action its deployed bundle can send: a store, queue or topic call added
 * without its grant fails here (removing `BatchGetItem` from `reports` in
 * lib/wiring.ts fails "reports: its role allows every action its code
 * sends"), and so does a grant the code does not use, unless GRANTED_FOR
 * gives the reason.
 *
 * The actions are read from the minified bundles of the same build the
 * stack deploys (lib/bundling.ts), not from a list:
 * - each SDK v3 client's command builder keeps its client's name,
 *   `X=makeBuilder(params,"DynamoDB_20120810","DynamoDBClient",plugin)`, and
 *   each command class its operation, `class extends X(ep,mw,"BatchGetItem",schema){}`;
 *   lib-dynamodb's document commands wrap them (`clientCommand=new C(this.input)`);
 * - a command is sent where it is made with its input, `new C({`, or where
 *   the paginator made for it (`P=createPaginator(Client,C,"ExclusiveStartKey",...)`)
 *   is called, `P({client:`. A class that esbuild keeps but nothing makes
 *   (lib-dynamodb keeps every document command; the DynamoDB client keeps
 *   DescribeEndpoints for endpoint discovery, which is off) sends nothing;
 * - a client's IAM prefix is its signing name, from the installed package
 *   of that client (`@aws-sdk/client-*`): services are not listed here;
 * - a presigned URL is a command made and signed, not sent: `getSignedUrl(s3,
 *   new PutObjectCommand({...}))` counts as sending PutObject, which is right,
 *   since S3 checks the signer's role when the URL is used;
 * - TransactWriteItems is no IAM action: each write in it needs its own
 *   (`Put:{TableName:` needs PutItem, and so on); an SQS batch needs its
 *   single operation's action (AUTHORIZED_AS).
 * Two guards over functions/ keep these shapes true: every SDK command is
 * made with an object literal, every transaction write names its table first.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, functionBundles } from '../../lib/bundling.ts';
import { FUNCTIONS, type FunctionName, type FunctionWiring } from '../../lib/wiring.ts';
import { bundledStack, type Synthesized } from '../support/cdk.ts';

const PROJECT_ROOT = new URL('../../', import.meta.url);
const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** Actions granted by the CDK for a feature, not by a call in the code, each with its reason. */
const GRANTED_FOR: Record<string, string> = {
  'logs:CreateLogStream': "Lambda writes the function's logs to its log group (LogGroup.grantWrite).",
  'logs:PutLogEvents': "Lambda writes the function's logs to its log group (LogGroup.grantWrite).",
  'xray:PutTraceSegments': 'Active tracing: Lambda and the X-Ray SDK send the segments.',
  'xray:PutTelemetryRecords': 'Active tracing.',
  'sqs:ReceiveMessage': 'The SQS event source of a queue consumer receives for it (Workers).',
  'sqs:DeleteMessage': 'The SQS event source deletes what the consumer handled.',
  'sqs:ChangeMessageVisibility': 'The SQS event source returns failed messages to the queue.',
  'sqs:GetQueueAttributes': 'The SQS event source reads the queue; grantSendMessages adds it to sending too.',
  'sqs:GetQueueUrl': 'grantSendMessages adds it to sending.',
};

/**
 * Operations IAM authorizes by another action's name (the SQS batch
 * operations by their single one's, the Service Authorization Reference).
 */
const AUTHORIZED_AS: Record<string, string> = {
  'sqs:SendMessageBatch': 'sqs:SendMessage',
  'sqs:DeleteMessageBatch': 'sqs:DeleteMessage',
  'sqs:ChangeMessageVisibilityBatch': 'sqs:ChangeMessageVisibility',
};

/** A transaction write's key, and the action IAM checks for it. */
const TRANSACTION_WRITES: Record<string, string> = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem' };

const ID = '[\\w$]+';
const escape = (identifier: string) => identifier.replace(/\$/g, '\\$');

/** Each SDK client's name (as in `DynamoDBClient`) and the IAM prefix of its service (its signing name). */
function iamPrefixes(): Map<string, string> {
  const sdk = new URL('node_modules/@aws-sdk/', PROJECT_ROOT);
  const prefixes = new Map<string, string>();
  for (const dir of readdirSync(sdk).filter((name) => name.startsWith('client-'))) {
    const client = /makeBuilder\([^,]+, "[^"]+", "(\w+)Client"/.exec(readFileSync(new URL(`${dir}/dist-es/commandBuilder.js`, sdk), 'utf8'));
    const signing = /name: "([\w-]+)"/.exec(readFileSync(new URL(`${dir}/dist-es/auth/httpAuthSchemeProvider.js`, sdk), 'utf8'));
    if (client && signing) prefixes.set(client[1]!, signing[1]!);
  }
  return prefixes;
}

/** The IAM actions `code`, a minified bundle, can send. */
function actionsSent(code: string, prefixes: Map<string, string>): Set<string> {
  const clients = new Map<string, string>();
  for (const [, builder, client] of code.matchAll(new RegExp(`(${ID})=${ID}\\(${ID},"[\\w.]+","(\\w+)Client",${ID}\\)`, 'g'))) {
    const prefix = prefixes.get(client!);
    if (prefix === undefined) throw new Error(`no installed @aws-sdk client package names ${client}Client`);
    clients.set(builder!, prefix);
  }
  const sent = new Set<string>();
  for (const [, command, builder, operation] of code.matchAll(new RegExp(`(${ID})=class extends (${ID})\\(${ID},${ID},"(\\w+)",${ID}\\)\\{\\}`, 'g'))) {
    const prefix = clients.get(builder!);
    if (prefix === undefined) continue;
    const wrappers = [...code.matchAll(new RegExp(`(${ID})=class extends ${ID}\\{[^]{0,400}?clientCommand=new ${escape(command!)}\\(this\\.input\\)`, 'g'))];
    const classes = [command!, ...wrappers.map(([, wrapper]) => wrapper!)];
    const made = classes.some((cls) => new RegExp(`(?<![\\w$.])new ${escape(cls)}\\(\\{`).test(code));
    const paged = classes.some((cls) =>
      [...code.matchAll(new RegExp(`(${ID})=${ID}\\(${ID},${escape(cls)},"\\w+","\\w+"(?:,"\\w+")?\\)`, 'g'))].some(([, paginator]) =>
        new RegExp(`(?<![\\w$.])${escape(paginator!)}\\(\\{client:`).test(code),
      ),
    );
    if (made || paged) sent.add(AUTHORIZED_AS[`${prefix}:${operation}`] ?? `${prefix}:${operation}`);
  }
  if (sent.delete('dynamodb:TransactWriteItems')) {
    const writes = [...code.matchAll(/(?<![\w$.])(Put|Update|Delete|ConditionCheck):\{TableName:/g)].map(([, write]) => `dynamodb:${TRANSACTION_WRITES[write!]}`);
    if (writes.length === 0) throw new Error('a transaction is sent, but no write of it was found');
    for (const write of writes) sent.add(write);
  }
  return sent;
}

type Statement = { Effect: string; Action: string | string[] };

describe('grants', { timeout: 180_000 }, () => {
  let synthesized: Synthesized;
  let prefixes: Map<string, string>;
  const sent = new Map<FunctionName, Set<string>>();

  beforeAll(() => {
    synthesized = bundledStack();
    prefixes = iamPrefixes();
    for (const name of FUNCTION_NAMES) sent.set(name, actionsSent(readFileSync(join(functionBundles(), name, BUNDLE_FILE), 'utf8'), prefixes));
  }, 180_000);

  /** Every action the function's role allows. */
  function granted(name: FunctionName): Set<string> {
    const { stack, template } = synthesized;
    const roleId = stack.getLogicalId(stack.functions.byName[name].role.node.defaultChild as CfnElement);
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    return new Set(statements.filter((s) => s.Effect === 'Allow').flatMap((s) => [s.Action].flat()));
  }

  it('knows the services of the SDK clients installed (DynamoDB, SQS, SNS, S3)', () => {
    expect(prefixes.get('DynamoDB')).toBe('dynamodb');
    expect(prefixes.get('SQS')).toBe('sqs');
    expect(prefixes.get('SNS')).toBe('sns');
    expect(prefixes.get('S3')).toBe('s3');
  });

  it('finds what the code sends, and only that, in the bundles', () => {
    // Reports read the open cases in batches; a reader of the table sends no write though its bundle holds the write commands' classes.
    expect([...sent.get('reports')!]).toContain('dynamodb:BatchGetItem');
    expect([...sent.get('compileReports')!]).toContain('dynamodb:BatchGetItem');
    // Every function that reaches the store may read the deployment secret when it starts.
    expect([...sent.get('caseProgress')!].sort()).toEqual(['dynamodb:Query', 'secretsmanager:GetSecretValue']);
    expect([...sent.get('submitCase')!].sort()).toEqual(
      ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 'secretsmanager:GetSecretValue', 'sqs:SendMessage'].sort(),
    );
    // Hard cases: the index queried, the cases read in batches (candidates) and with their history (the responsibility list).
    expect([...sent.get('hardCases')!].sort()).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query', 'secretsmanager:GetSecretValue']);
    expect([...sent.get('recordNotice')!].sort()).toEqual(['dynamodb:BatchWriteItem', 'secretsmanager:GetSecretValue', 'sns:Publish']);
    // Attachments: presigned PUT and GET, and the check's read, write and deletes.
    expect([...sent.get('attachments')!].sort()).toEqual(
      ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem', 's3:DeleteObject', 's3:GetObject', 's3:PutObject', 'secretsmanager:GetSecretValue'].sort(),
    );
    expect([...sent.get('health')!]).toEqual([]);
    // The API document and its page are made from the code in the bundle: nothing is sent.
    expect([...sent.get('apiDocument')!]).toEqual([]);
  });

  it.each(FUNCTION_NAMES)('%s: its role allows every action its code sends', (name) => {
    const allowed = granted(name);
    const missing = [...sent.get(name)!].filter((action) => !allowed.has(action));
    expect(missing).toEqual([]);
  });

  it.each(FUNCTION_NAMES)('%s: its role allows nothing its code does not send, but what a feature needs', (name) => {
    const needed = sent.get(name)!;
    const extra = [...granted(name)].filter((action) => !needed.has(action) && !(action in GRANTED_FOR));
    expect(extra).toEqual([]);
  });

  it.each(FUNCTION_NAMES)("%s: its wiring's bucket actions are the S3 actions its code sends, on the attachments' objects only", (name) => {
    const wiring: FunctionWiring = FUNCTIONS[name];
    const s3Sent = [...sent.get(name)!].filter((action) => action.startsWith('s3:')).sort();
    expect(s3Sent).toEqual((wiring.bucket ?? []).map((action) => `s3:${action}`).sort());
    const { stack, template } = synthesized;
    const bucketId = stack.getLogicalId(stack.attachments.bucket.node.defaultChild as CfnElement);
    const roleId = stack.getLogicalId(stack.functions.byName[name].role.node.defaultChild as CfnElement);
    const s3Statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => JSON.stringify(policy.Properties.Roles).includes(`"${roleId}"`))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Array<Statement & { Resource: unknown }>)
      .filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
    for (const statement of s3Statements) {
      // In either order: the CDK sorts them.
      expect(statement.Resource).toHaveLength(2);
      expect(statement.Resource).toEqual(
        expect.arrayContaining(['uploads', 'files'].map((prefix) => ({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, `/${prefix}/*`]] }))),
      );
    }
    expect(s3Statements.length).toBe(wiring.bucket ? 1 : 0);
  });

  describe('the shapes the bundle reading relies on, in functions/', () => {
    const sources = readdirSync(new URL('functions/', PROJECT_ROOT), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => [file, readFileSync(new URL(`functions/${file}`, PROJECT_ROOT), 'utf8')] as const);

    it('every SDK command is made with its input written out', () => {
      for (const [file, code] of sources) expect(code.match(/new \w+Command\((?!\s*\{)/g), file).toBeNull();
    });

    it('every transaction write names its table first', () => {
      for (const [file, code] of sources) expect(code.match(/\b(Put|Update|Delete|ConditionCheck):\s*\{(?!\s*TableName:)/g), file).toBeNull();
    });
  });
});
