/**
 * A bundle (一件事) lists its items as data. An optional item may be left out by the applicant (or is
 * opt-in when `byDefault` is false); an item may also depend on a bundle option (开餐饮店 runs
 * business-registration only when there is no licence yet).
 */
export interface BundleItem {
  readonly item: string;
  readonly optional?: { readonly label: string; readonly byDefault: boolean };
  readonly includeWhen?: { readonly option: string; readonly equals: string };
}

export interface BundleOption {
  readonly id: string;
  readonly label: string;
  readonly choices: ReadonlyArray<{ readonly value: string; readonly label: string }>;
  readonly byDefault: string;
}

/** The 行业综合许可证 (一业一证) a bundle issues once its items' permits are all granted. */
export interface BundleLicence {
  readonly title: string;
  /** The industry printed on it (餐饮服务). */
  readonly industry: string;
}

export interface BundleDef {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly items: readonly BundleItem[];
  readonly options: readonly BundleOption[];
  readonly licence?: BundleLicence;
}

/** What the applicant chose: option values, and optional items left out or taken in. */
export interface BundleChoice {
  readonly options?: Readonly<Record<string, string>>;
  readonly omit?: readonly string[];
  readonly include?: readonly string[];
}
