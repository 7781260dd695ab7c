/**
 * An upgrade as a county makes it: the previous release's `npm start`
 * (CHANGELOG.md names it; its own tree and node_modules) fills a DATA_DIR
 * with cases in every state, a visit and a report, and stops; this tree's
 * `npm start` takes the same DATA_DIR over. Nothing is lost: every case reads
 * the same, on the same worklists, with the same figures; the petitioners'
 * access codes still work; and the clock of an open case is still swept.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../functions/domain/case.ts';
import { chinaDay } from '../../functions/domain/calendar.ts';
import { freePort } from '../../lib/local/emulators.ts';
import { localSigningKey, signStaffToken } from '../../lib/local/identity.ts';
import { postJson, submission } from '../support/emulators.ts';
import { eventually } from '../support/eventually.ts';
import { startLocal, type LocalProcess } from './local-process.ts';
import { previousRelease, releaseTree, ROOT } from './previous-release.ts';
import { setTimeout as sleep } from 'node:timers/promises';

const release = previousRelease();
const dataDir = mkdtempSync(join(tmpdir(), 'petitions-upgrade-'));
const running: LocalProcess[] = [];

afterAll(() => {
  for (const started of running) started.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

// Only the acceptance clock is short: the one case left received is warned 45 s after intake
// (after the previous release stopped), supervised at 225 s (after every comparison); every
// other clock is the regulation's.
const SETTINGS = {
  DATA_DIR: dataDir,
  SWEEP_INTERVAL_SECONDS: '1',
  POLICY: JSON.stringify({ acceptance: 'PT225S', warningBefore: 'PT180S', visitNotice: 'PT1S' }),
};

interface Submitted {
  id: string;
  accessCode: string;
}

describe(`an upgrade from ${release.version} on the same DATA_DIR`, { timeout: 600_000 }, () => {
  it('keeps every case, worklist, visit, report and figure, the access codes work, and the clocks run on', async () => {
    const tree = await releaseTree(release);
    const port = await freePort();
    const previous = await startLocal(tree, port, SETTINGS);
    running.push(previous);
    const key = await localSigningKey(dataDir);
    const as = async (unit: string, role: string) => ({ authorization: `Bearer ${await signStaffToken(key, { sub: `${role}@${unit}`, unit, roles: [role] })}` });
    const staff = {
      clerk: await as('330726', 'clerk'),
      handler: await as('330726:housing', 'handler'),
      leader: await as('330726', 'leader'),
      city: await as('330700', 'supervisor'),
      province: await as('330000', 'supervisor'),
    };
    const json = async (api: string, path: string, init?: RequestInit) => {
      const response = await fetch(`${api}${path}`, init);
      return { status: response.status, body: (await response.json()) as any };
    };
    const progress = (api: string, { id, accessCode }: Submitted) => json(api, `/v1/cases/${id}/progress`, { headers: { 'x-access-code': accessCode } });

    // Cases in every state, through the previous release's API.
    let phone = 13100000000;
    const submit = async (): Promise<Submitted> => {
      const response = await json(previous.api, '/v1/cases', postJson(submission({ petitioner: { name: '赵一', phone: String(phone++) } })));
      expect(response.status).toBe(201);
      const submitted = response.body as Submitted;
      await eventually(async () => ((await progress(previous.api, submitted)).body.timeline.some((t: { event: string }) => t.event === 'routed') ? true : undefined));
      return submitted;
    };
    const act = async (id: string, action: string, body: unknown, headers: Record<string, string>, expected: string) => {
      const answer = await json(previous.api, `/v1/cases/${id}/${action}`, postJson(body, headers));
      expect(answer.body.status).toBe(expected);
    };
    const cases: Submitted[] = [];
    const walk = async (steps: Array<(s: Submitted) => Promise<void>>) => {
      const submitted = await submit();
      for (const step of steps) await step(submitted);
      cases.push(submitted);
    };
    const accept = (s: Submitted) => act(s.id, 'acceptance', { decision: 'accept', responsibleLeader: '王副县长' }, staff.clerk, 'accepted');
    const reply = (s: Submitted) => act(s.id, 'reply', { opinion: '已处理。' }, staff.handler, 'replied');
    const review = (s: Submitted) => act(s.id, 'review-request', { reason: '不服' }, { 'x-access-code': s.accessCode }, 'under_review');
    const reviewed = (s: Submitted) => act(s.id, 'review-opinion', { opinion: '维持', upheld: true }, staff.city, 'replied');
    const rereview = (s: Submitted) => act(s.id, 'review-request', { reason: '仍不服' }, { 'x-access-code': s.accessCode }, 'under_rereview');
    await walk([accept]);
    await walk([(s) => act(s.id, 'acceptance', { decision: 'not_accept', reason: '重复' }, staff.clerk, 'not_accepted')]);
    await walk([(s) => act(s.id, 'acceptance', { decision: 'forward', forwardTo: '330726:public_security' }, staff.clerk, 'forwarded')]);
    await walk([accept, reply]);
    await walk([accept, reply, (s) => act(s.id, 'evaluation', { rating: 'satisfied' }, { 'x-access-code': s.accessCode }, 'closed')]);
    await walk([accept, reply, review]);
    await walk([accept, reply, review, reviewed, rereview]);
    await walk([accept, reply, review, reviewed, rereview, (s) => act(s.id, 'review-opinion', { opinion: '维持', upheld: true }, staff.province, 'final')]);

    // A visit with a batch received, and a report.
    const visit = await json(previous.api, '/v1/visits', postJson({ leader: { name: '王明', title: '县委书记' }, regionCode: '330726', startsAt: new Date(Date.now() + 2000).toISOString(), venue: '县信访局', departments: ['330726:housing'] }, staff.leader));
    expect(visit.status).toBe(201);
    await sleep(2100);
    const reception = await json(previous.api, `/v1/visits/${visit.body.id}/receptions`, postJson({ persons: 5, petitioner: { name: '韩十八', phone: '13500001111' }, category: 'housing', title: '房屋漏水', content: '楼顶漏水', regionCode: '330726001001', outcome: 'assigned', leadUnit: '330726:housing', responsibleLeader: '王副县长' }, staff.leader));
    expect(reception.body.status).toBe('accepted');
    expect((await json(previous.api, '/v1/reports', postJson({ kind: 'weekly' }, staff.leader))).status).toBe(201);

    // Last, so that its clock is the one left running: a case nobody acts on.
    const waiting = await submit();
    cases.push(waiting);

    const today = chinaDay(new Date().toISOString());
    const observe = async (api: string) => {
      const seen: Record<string, unknown> = {};
      for (const submitted of cases) {
        const full = await json(api, `/v1/cases/${submitted.id}`, { headers: staff.leader });
        const progressed = await progress(api, submitted);
        seen[submitted.id] = { status: full.body.status, leadUnit: full.body.leadUnit, history: full.body.history.filter((entry: { action: string }) => entry.action !== 'deadline_warning').length, progress: progressed.status, timeline: progressed.body.timeline };
      }
      const worklists: Record<string, string[]> = {};
      for (const [who, headers] of [['office', staff.clerk], ['department', staff.handler]] as const) {
        for (const status of CASE_STATUSES) {
          const list = await json(api, `/v1/cases?status=${status}&limit=100`, { headers });
          worklists[`${who} ${status}`] = list.body.items.map((item: { id: string }) => item.id).sort();
        }
      }
      return {
        cases: seen,
        worklists,
        figures: (await json(api, `/v1/stats?regionCode=330726&from=${today}&to=${today}`, { headers: staff.leader })).body,
        visits: (await json(api, `/v1/visits?regionCode=330726&from=${new Date(Date.now() - 3_600_000).toISOString()}`)).body,
        summary: (await json(api, `/v1/visits/${visit.body.id}/summary`, { headers: staff.leader })).body,
        reports: (await json(api, '/v1/reports?kind=weekly', { headers: staff.leader })).body,
      };
    };
    const before = await observe(previous.api);
    expect(Object.values(before.cases).map((c) => (c as { status: string }).status).sort()).toEqual(
      ['accepted', 'closed', 'final', 'forwarded', 'not_accepted', 'received', 'replied', 'under_review', 'under_rereview'].sort(),
    );
    expect(before.worklists['office received']).toEqual([waiting.id]);
    // The case received at the visit is the department's too.
    expect(before.worklists['department accepted']).toContain(reception.body.id);
    expect(before.reports.items).toHaveLength(1);
    expect(await previous.stop()).toBe(0);
    const stoppedAt = new Date().toISOString();

    // This release asks anonymous submissions for a verified phone by default; the walk submits without.
    const current = await startLocal(ROOT, port, { ...SETTINGS, POLICY: JSON.stringify({ ...JSON.parse(SETTINGS.POLICY), phoneVerification: false }) });
    running.push(current);
    try {
      expect(current.output()).not.toContain('fresh system');
      // The migrations ran to the end before it said it was ready: v0.1.0's open
      // cases had their matter fingerprints re-keyed, and the figures below still match.
      expect(current.output()).toMatch(/"message":"migration page".*"migration":"2026-12-02-rekey-matters".*"changed":[1-9]\d*.*"done":true/);
      expect(current.output().indexOf('"done":true')).toBeLessThan(current.output().indexOf('is running locally'));
      // Everything reads as before, with what this release adds to the stats (returns, pauses, idle warnings, owned hard cases, urges and overdue co-handling tasks, none yet)
      // and to the visit summary (bookings, none at a visit announced without a capacity).
      const figures = before.figures as Record<string, unknown>;
      const summary = before.summary as Record<string, unknown>;
      expect(await observe(current.api)).toEqual({ ...before, figures: { ...figures, returned: 0, returnedByUnit: {}, paused: 0, idle: 0, hardCases: 0, urges: 0, coHandlingOverdue: 0 }, summary: { ...summary, booked: 0, noShow: 0 } });

      // Cases taken in before case numbers have none; the first taken in now is the first of its county's year.
      for (const old of cases) {
        expect((await json(current.api, `/v1/cases/${old.id}`, { headers: staff.leader })).body.caseNumber).toBeNull();
        expect((await progress(current.api, old)).body.caseNumber).toBeNull();
      }
      const numbered = await json(current.api, '/v1/cases', postJson(submission({ petitioner: { name: '赵一', phone: String(phone++) } })));
      expect(numbered.body.caseNumber).toBe(`330726-${chinaDay(numbered.body.receivedAt).slice(0, 4)}-000001`);
      // An old case is urged like a new one.
      const urged = await json(current.api, `/v1/cases/${waiting.id}/urge`, postJson({}, { 'x-access-code': waiting.accessCode }));
      expect(urged.status).toBe(200);

      // The case left waiting is warned on time by the new sweep: its clock is in the due index still.
      const warned = await eventually(async () => {
        const full = await json(current.api, `/v1/cases/${waiting.id}`, { headers: staff.leader });
        return full.body.history.find((entry: { action: string }) => entry.action === 'deadline_warning');
      }, 120);
      expect(warned.at > stoppedAt).toBe(true);
    } finally {
      expect(await current.stop()).toBe(0);
    }
  });
});
