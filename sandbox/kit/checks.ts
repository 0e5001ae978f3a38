/**
 * The checks that the single-page portals make alike on a posted application: a required value, a credit
 * code, an address as a 省/市/区 cascade plus the street down to the door, an amount, a mobile number,
 * today's date and an upload. Names and wording are each portal's own and are passed in; messages collect
 * by HTML name in `errors`, in the order the portal checks.
 */
import type { Request } from 'express';
import { isValidCreditCode, regionFullName, regionPath } from '../../forms/codes/index.ts';
import { type Body, type Errors, MOBILE, need, str } from './body.ts';
import type { Checked } from './json-apply.ts';
import type { PortalContext } from './portal.ts';
import { chinaDate } from './references.ts';
import type { UploadedFileMeta } from './submissions.ts';

/** An amount greater than 0 with at most two decimals (面积, 长度). */
const DECIMAL = /^\d+(\.\d{1,2})?$/;

export class FormChecks {
  readonly errors: Errors = {};
  /** The uploaded files the filing keeps, by contract id. */
  readonly files: Record<string, UploadedFileMeta> = {};

  constructor(
    private readonly ctx: PortalContext,
    private readonly req: Request,
    readonly body: Body,
  ) {}

  /** The value under `name`, trimmed; `message` when it is empty. (A property, so it may be destructured.) */
  readonly need = (name: string, message: string): string => need(this.errors, this.body, name, message);

  /** A 统一社会信用代码, upper-cased: `missing` when empty, `invalid` when its check digit fails. */
  creditCode(name: string, invalid: string, missing = '请输入统一社会信用代码'): string {
    const code = this.need(name, missing).toUpperCase();
    if (code && !isValidCreditCode(code)) this.errors[name] = invalid;
    return code;
  }

  /**
   * An address: a district picked in the cascade posted as `<region>_sheng`, `_shi`, `_qu` (its message under
   * `regionError`), and the street under `street`, which must end at a door or room (号, 室). Returns the
   * district's full name followed by the street.
   */
  address(
    names: { region: string; regionError?: string; street: string },
    messages: { noRegion: string; wrongRegion: string; noStreet: string; noDoor: string },
  ): string {
    const district = str(this.body, `${names.region}_qu`);
    const path = district ? regionPath(district).map((r) => r.code) : [];
    const regionError = names.regionError ?? `${names.region}_qu`;
    if (!district) this.errors[regionError] = messages.noRegion;
    else if (
      path.length !== 3 ||
      path[0] !== str(this.body, `${names.region}_sheng`) ||
      path[1] !== str(this.body, `${names.region}_shi`)
    )
      this.errors[regionError] = messages.wrongRegion;
    const street = this.need(names.street, messages.noStreet);
    if (street && !/[室号]$/.test(street)) this.errors[names.street] = messages.noDoor;
    return `${regionFullName(district) ?? ''}${street}`;
  }

  /** An amount greater than 0 with at most two decimals: `{label}应为大于0的数字（最多两位小数）`. */
  amount(name: string, missing: string, label: string): string {
    const value = this.need(name, missing);
    if (value && (!DECIMAL.test(value) || Number(value) <= 0))
      this.errors[name] = `${label}应为大于0的数字（最多两位小数）`;
    return value;
  }

  /** A mainland mobile number: `{label}应为11位手机号码`. */
  mobile(name: string, missing: string, label: string): string {
    const value = this.need(name, missing);
    if (value && !MOBILE.test(value)) this.errors[name] = `${label}应为11位手机号码`;
    return value;
  }

  /** A date that must be today in China (申请日期): `请选择{label}`, `{label}应为当天`. */
  today(name: string, label: string): string {
    const value = this.need(name, `请选择${label}`);
    if (value && value !== chinaDate(this.ctx.now())) this.errors[name] = `${label}应为当天`;
    return value;
  }

  /**
   * The upload whose id the form carried under `name` (or `id`, for a row's file), taken from this account's
   * uploads: `请上传{label}` when none, `{label}已失效，请重新上传` when it is no longer there.
   */
  upload(name: string, label: string, id = str(this.body, name)): UploadedFileMeta | undefined {
    if (!id) {
      this.errors[name] = `请上传${label}`;
      return undefined;
    }
    const meta = this.ctx.takeUpload(this.req, id);
    if (!meta) this.errors[name] = `${label}已失效，请重新上传`;
    return meta;
  }

  /** `upload`, and the file kept among the filing's `files` as `id`. */
  keepUpload(id: string, name: string, label: string): UploadedFileMeta | undefined {
    const meta = this.upload(name, label);
    if (meta) this.files[id] = meta;
    return meta;
  }

  /** The checked application: the messages, the content in contract terms, the files kept. */
  result(fields: Record<string, unknown>): Checked {
    return { errors: this.errors, fields, files: this.files };
  }
}
