/**
 * The CDK app: `npx cdk synth` (cdk.json runs this with tsx).
 *
 * Context (all optional):
 *   -c policy='{"acceptance":"P10D"}'   policy overrides, ISO-8601 durations, given to the functions as POLICY
 *   -c seedDemoData=false                do not load the demo reference data on deploy (default: load it)
 *   -c alarmEmail=ops@example.org        mail the alarms there (they notify the alarm topic either way)
 *   -c overdueBacklogThreshold=50        open cases past due before the overdue-backlog alarm fires (default 50)
 *   -c pagesDomain=xinfang.example.gov.cn -c pagesCertificateArn=arn:aws:acm:us-east-1:…
 *                                        the petitioner's pages at the county's own address (both or neither)
 *   -c sender=webhook -c senderWebhookUrl=https://... -c senderWebhookKeyArn=arn:aws:secretsmanager:...
 *                                        send petitioners' SMS through the deployer's gateway (default: sender=sns, AWS SMS)
 */
import { App } from 'aws-cdk-lib';
import { acknowledgeNagFindings, addNagChecks } from '../lib/nag.ts';
import { PetitionsStack, policyContext, senderContext } from '../lib/stack.ts';

const app = new App();

/** Context values come as strings from the command line and as JSON values from cdk.json. */
function context<T>(key: string, parse: (raw: string | object) => T): T | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  return parse(value as string | object);
}

// Refused here, before anything is synthesized: an unknown key, a bad duration or text that is not JSON.
const policy = context('policy', policyContext);
const seedDemoData = context('seedDemoData', (raw) => String(raw) !== 'false') ?? true;
const alarmEmail = context('alarmEmail', (raw) => String(raw));
// A number from cdk.json, a string from -c: the stack refuses anything but a whole number, 0 or more.
const overdueBacklogThreshold = context('overdueBacklogThreshold', (raw) => Number(raw));
const pagesDomain = context('pagesDomain', (raw) => String(raw));
const pagesCertificateArn = context('pagesCertificateArn', (raw) => String(raw));
const sender = context('sender', (raw) =>
  senderContext(String(raw), context('senderWebhookUrl', (url) => String(url)), context('senderWebhookKeyArn', (arn) => String(arn))),
);

const stack = new PetitionsStack(app, 'Petitions', {
  description: 'Petition handling: intake, routing, deadlines',
  seedDemoData,
  ...(policy ? { policy } : {}),
  ...(alarmEmail ? { alarmEmail } : {}),
  ...(overdueBacklogThreshold !== undefined ? { overdueBacklogThreshold } : {}),
  ...(pagesDomain ? { pagesDomain } : {}),
  ...(pagesCertificateArn ? { pagesCertificateArn } : {}),
  ...(sender ? { sender } : {}),
});

addNagChecks(app);
acknowledgeNagFindings(stack);
