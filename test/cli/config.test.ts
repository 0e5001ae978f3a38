import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../cli/config.ts';

function problems(env: Record<string, string>) {
  try {
    loadConfig(env, '/srv/yijian');
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has working defaults for one machine', () => {
    const config = loadConfig({}, '/srv/yijian');
    expect(config).toMatchObject({ PORT: 3000, DATA_DIR: '/srv/yijian/data', LOG_LEVEL: 'info' });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', '端口号'],
    ['PORT', '70000', '端口号'],
    ['LOG_LEVEL', 'loud', 'info'],
    ['REDIS_URL', 'http://localhost:6379', 'redis://'],
    ['DATABASE_URL', 'mysql://localhost/db', 'postgres://'],
    ['YIJIAN_SECRET', 'too-short', '32'],
    ['OCR_WORKERS', '0', '正整数'],
    ['QUEUE_TUNING', '{"lockDurationMs":10', 'JSON 对象'],
    ['QUEUE_TUNING', '{"lockDuration":10000}', '未知的键 lockDuration'],
    ['QUEUE_TUNING', '{"lockDurationMs":"soon"}', 'lockDurationMs：必须是'],
    ['TRUST_PROXY', 'true', '代理跳数'],
    ['TRUST_PROXY', '10.0.0.0/8,everyone', '代理跳数'],
    ['DEMO', 'maybe', 'true 或 false'],
  ])('a bad %s (%s) stops start-up with a message naming the variable', (variable, value, hint) => {
    const error = problems({ [variable]: value });
    expect(error.problems.map((p) => p.variable)).toEqual([variable]);
    expect(error.message).toContain(variable);
    expect(error.message).toContain(hint);
  });

  it('trusts no proxy and runs without demo accounts unless told to', () => {
    expect(loadConfig({}, '/srv/yijian')).toMatchObject({ TRUST_PROXY: false, DEMO: false });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8', DEMO: 'true' }, '/srv')).toMatchObject({
      TRUST_PROXY: ['loopback', '10.0.0.0/8'],
      DEMO: true,
    });
    expect(loadConfig({ TRUST_PROXY: '1' }, '/srv').TRUST_PROXY).toBe(1);
  });

  it('reports every bad variable at once', () => {
    const error = problems({ PORT: 'x', LOG_LEVEL: 'y' });
    expect(error.problems.map((p) => p.variable).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('never echoes a secret or a connection string in the message', () => {
    const error = problems({ YIJIAN_SECRET: 'hunter2-password', DATABASE_URL: 'mysql://admin:s3cr3t@db/x' });
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('s3cr3t');
  });

  it('reads queue timings from QUEUE_TUNING, keeping the defaults for the keys it leaves out', () => {
    expect(loadConfig({}, '/srv').QUEUE_TUNING).toEqual({});
    expect(
      loadConfig({ QUEUE_TUNING: '{"lockDurationMs":5000,"itemAttempts":3}' }, '/srv').QUEUE_TUNING,
    ).toEqual({
      lockDurationMs: 5000,
      itemAttempts: 3,
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ REDIS_URL: '', CHROMIUM_PATH: '' }, '/srv').REDIS_URL).toBeUndefined();
  });
});
