import { readFileSync, statSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ItemRunRequest, ItemRunResult } from '../../bots/item-runner.ts';
import { readZip } from '../../lib/zip.ts';
import { registeredRequest } from './support/later-items.ts';
import { maskingCost, personalValuesOf, readableNumbers, unmaskedPlaces } from './support/masking.ts';
import { RecordingIo } from './support/sandbox.ts';
import { sandboxAndRunner } from './support/sandbox-runner.ts';

/**
 * Issue 18: a filing with a password login leaves no secret in its evidence. The social insurance portal
 * has its own username/password login, and its form carries ID numbers, mobiles and a bank account, plus
 * 单位电话 holding the same number as 法定代表人电话 under a name that does not say "personal".
 */
describe('a filing keeps its secrets out of the trace and the run record', () => {
  const { sandbox, runner } = sandboxAndRunner();
  let request: ItemRunRequest;
  let io: RecordingIo;
  let result: ItemRunResult;
  let traceText: string;

  beforeAll(async () => {
    const companyName = '漳州密钥测试科技有限公司';
    request = await registeredRequest(sandbox, 'social-insurance', 'social-insurance', companyName);
    io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q));
    result = await runner.run(request, io);
    traceText = readZip(readFileSync(io.tracePath))
      .map((entry) => entry.data.toString('utf8'))
      .join('\n');
  }, 90_000);

  /** The case's sensitive values on this form, as the queue handed them over, and the portal password. */
  const secrets = () => {
    const values = request.values as Record<string, string>;
    const list = {
      legalRepIdNumber: values['legalRep.idNumber'],
      legalRepPhone: values['legalRep.phone'],
      specialistIdNumber: values['specialist.idNumber'],
      specialistPhone: values['specialist.phone'],
      accountNo: values['payAccount.accountNo'],
      password: request.credentials?.password,
    };
    for (const [name, value] of Object.entries(list)) {
      expect(value, name).toMatch(/^\S{6,}$/);
    }
    return Object.values(list) as string[];
  };

  it('files, and its trace records the typing', () => {
    expect(result.outcome).toBe('submitted');
    // The trace is a real one: it holds the fill calls and the values that are not secret.
    expect(traceText).toContain('"method":"fill"');
    expect(traceText).toContain('漳州密钥测试科技有限公司');
    expect(traceText).toContain(request.credentials?.username);
    // Only its owner may read it (issue 18: traces were 0644).
    expect(statSync(io.tracePath).mode & 0o077).toBe(0);
  });

  it('has none of the sensitive values nor the portal password in the trace', () => {
    for (const secret of secrets()) {
      expect(traceText.includes(secret), `trace holds ${secret.slice(0, 3)}…`).toBe(false);
      expect(
        traceText.includes(encodeURIComponent(secret)),
        `trace holds ${secret.slice(0, 3)}… encoded`,
      ).toBe(false);
    }
  });

  it('masks in the read-back table every value equal to a sensitive one, whatever its field is called', () => {
    const values = request.values as Record<string, string>;
    // The reference case's company phone is the legal representative's mobile.
    expect(values.unitPhone).toBe(values['legalRep.phone']);
    const unitPhone = result.comparison.find((row) => row.fieldId === 'unitPhone');
    expect(unitPhone?.intended).toMatch(/^1\d\d\*{4}\d{4}$/);
    expect(unitPhone?.onPage).toBe(unitPhone?.intended);
    const record = JSON.stringify({
      comparison: result.comparison,
      steps: io.steps.map(({ screenshot: _s, ...step }) => step),
      result: { ...result, comparison: undefined },
    });
    for (const secret of secrets()) expect(record.includes(secret), secret.slice(0, 3)).toBe(false);
  });

  it('shows no personal value unmasked in any screenshot, the receipt repeating them included', async () => {
    // Issue 16: found by their text when each picture was taken, every place is solid mask colour.
    expect(await unmaskedPlaces(io.steps)).toEqual([]);
    console.info(`masking by text: ${maskingCost(io.steps)}`);
    const receipt = io.steps.find((s) => s.name.includes('回执'));
    expect(receipt?.masking?.found.length).toBeGreaterThanOrEqual(2);
    // OCR costs seconds a picture: the receipt and the last form page, which show the most.
    const forms = io.steps.filter((s) => s.name.startsWith('填写')).map((s) => s.name);
    const shown = [forms.at(-1) ?? '', receipt?.name ?? ''];
    const values = personalValuesOf(request.values as Record<string, unknown>);
    expect(await readableNumbers(io.steps, shown, values)).toEqual([]);
  }, 180_000);
});

/** The SMS code a person types is a secret learnt during the run; the lists the portal owns are not. */
describe('a filing with an SMS code keeps the code out of its trace', () => {
  const { sandbox, runner } = sandboxAndRunner();

  it('cuts the code and the portal password from the trace, and masks the code in the read-back', async () => {
    const companyName = '漳州验证码测试科技有限公司';
    const request = await registeredRequest(sandbox, 'seal-engraving', 'public-security', companyName);
    const io = new RecordingIo(sandbox.dir, (q) => sandbox.answer(q, 'public-security'));
    const result = await runner.run(request, io);
    expect(result.outcome).toBe('submitted');
    const [submission] = await sandbox.submissions('public-security');
    const code = String(submission?.fields.smsCode);
    expect(code).toMatch(/^\d{6}$/);
    const trace = readZip(readFileSync(io.tracePath))
      .map((entry) => entry.data.toString('utf8'))
      .join('\n');
    expect(trace).toContain('"method":"fill"');
    expect(trace.includes(code)).toBe(false);
    expect(trace.includes(request.credentials?.password ?? 'missing')).toBe(false);
    expect(result.comparison.find((row) => row.fieldId === 'smsCode')?.onPage).toBe('******');
    // The engraver the portal lists for the district (`auto:`) is no secret: shown as chosen.
    const engraver = result.comparison.find((row) => row.fieldId === 'engravingCompany');
    expect(engraver?.onPage).toBe(submission?.fields.engravingCompany);
  }, 60_000);
});
