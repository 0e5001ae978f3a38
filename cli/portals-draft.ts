import { DECLARATIONS } from '../bots/portals/registry.ts';
import { BrowserPool } from '../bots/runtime/browser-pool.ts';
import {
  type DraftBinding,
  draftBindings,
  labelVocabulary,
  renderDraft,
} from '../bots/runtime/census/draft.ts';
import { censusOfUrl } from '../bots/runtime/census/draft-page.ts';
import type { PageCensus } from '../bots/runtime/census/types.ts';
import { adapt, familyFor } from '../bots/runtime/families/index.ts';
import { normaliseLabel } from '../bots/runtime/locate.ts';
import { resolveRunnerOptions } from '../bots/runtime/options.ts';
import { type Binding, type Find, isGroup, type StepDeclaration } from '../bots/runtime/types.ts';
import { itemDef } from '../forms/index.ts';
import { CaptchaReader } from '../ocr/captcha/reader.ts';
import { checkSandboxPortals, sandboxAccount } from './portals-check.ts';

/**
 * Drafts the page at `url` (behind `loginPortal`'s login, with the sandbox's account for it): the
 * bindings and the step's source.
 */
export async function draftFromUrl(
  url: string,
  loginPortal?: string,
): Promise<{ bindings: DraftBinding[]; source: string }> {
  const pool = new BrowserPool({ size: 1, recycleAfterRuns: 5 });
  const captcha = new CaptchaReader();
  try {
    const declaration = DECLARATIONS.find((d) => d.portalId === loginPortal);
    const account = loginPortal ? sandboxAccount(loginPortal) : undefined;
    const login = declaration
      ? {
          declaration,
          request: {
            applicationId: 'draft',
            applicationRef: 'draft',
            itemId: declaration.itemId,
            portalId: declaration.portalId,
            baseUrl: new URL(url).origin,
            values: {},
            documents: {},
            ...(account ? { credentials: account } : {}),
            reconcile: false,
          },
        }
      : undefined;
    const census = await censusOfUrl(
      {
        pool,
        settings: resolveRunnerOptions({ findTimeoutMs: 3000 }),
        readCaptcha: async (png) => (await captcha.read(png))?.text,
      },
      url,
      login,
    );
    const bindings = draftBindings(census, labelVocabulary());
    const name = census.headings[0] ?? '第一步';
    return { bindings, source: renderDraft([{ name, census, bindings }]) };
  } finally {
    await pool.close();
  }
}

/**
 * How close `yijian portals draft` comes to the declarations written by hand: each sandbox portal is
 * walked as the drift check walks it, every declared step's page is drafted from its census alone, and each
 * declared binding is looked for among the draft's: the same Find (label, column, legend or placeholder),
 * the same widget kind, and — for fields filled from a data element — the same element and role, the
 * draft's vocabulary leaving the portal's own item out.
 */
export interface DraftScore {
  portalId: string;
  steps: number;
  bindings: number;
  /** Bindings the draft has with the same Find. */
  locator: number;
  /** … and the same widget kind. */
  locatorAndKind: number;
  /** Bindings filled from a data element, and those the draft maps to it. */
  elements: number;
  elementRight: number;
  /** The bindings the draft missed or got wrong, for a person to read. */
  misses: string[];
}

const sameFind = (a: Find, b: Find): boolean => {
  const [ka, va] = Object.entries(a)[0] ?? [];
  const [kb, vb] = Object.entries(b)[0] ?? [];
  return (
    ka === kb && typeof va === 'string' && typeof vb === 'string' && normaliseLabel(va) === normaliseLabel(vb)
  );
};

const findText = (find: Find) => JSON.stringify(find);

function scoreStep(
  score: DraftScore,
  itemId: string,
  ui: Parameters<typeof familyFor>[0],
  step: StepDeclaration,
  drafted: readonly DraftBinding[],
): void {
  const family = familyFor(ui);
  const fields = itemDef(itemId).fields;
  const check = (binding: Binding, inGroup: boolean) => {
    score.bindings += 1;
    const kind = adapt(family, binding.widget).kind;
    const match = drafted.find((d) => sameFind(d.find, binding.find));
    const itemField = inGroup ? undefined : fields.find((f) => f.id === binding.field);
    const element = itemField?.kind === 'element' ? itemField : undefined;
    if (element) score.elements += 1;
    if (!match) {
      score.misses.push(`${step.name} ${binding.field}：草稿中没有 ${findText(binding.find)}（${kind}）`);
      return;
    }
    score.locator += 1;
    if (match.kind === kind) score.locatorAndKind += 1;
    else score.misses.push(`${step.name} ${binding.field}：控件 ${match.kind}，声明为 ${kind}`);
    if (!element) return;
    const right =
      match.element?.key === element.element && (match.element.role ?? '') === (element.role ?? '');
    if (right) score.elementRight += 1;
    else
      score.misses.push(
        `${step.name} ${binding.field}：数据元 ${match.element?.key ?? '无'}${match.element?.role ? `（${match.element.role}）` : ''}，应为 ${element.element}${element.role ? `（${element.role}）` : ''}`,
      );
  };
  for (const entry of step.fields) {
    if (isGroup(entry)) for (const binding of entry.bindings) check(binding, true);
    else check(entry, false);
  }
}

export async function measureDrafts(portalIds: readonly string[]): Promise<DraftScore[]> {
  const censuses = new Map<string, { step: StepDeclaration; census: PageCensus }[]>();
  await checkSandboxPortals(portalIds, {
    onCensus: (portalId, step, census) => {
      censuses.set(portalId, [...(censuses.get(portalId) ?? []), { step, census }]);
    },
  });
  const scores: DraftScore[] = [];
  for (const declaration of DECLARATIONS) {
    const pages = censuses.get(declaration.portalId);
    if (!pages) continue;
    const vocabulary = labelVocabulary(declaration.itemId);
    const score: DraftScore = {
      portalId: declaration.portalId,
      steps: pages.length,
      bindings: 0,
      locator: 0,
      locatorAndKind: 0,
      elements: 0,
      elementRight: 0,
      misses: [],
    };
    for (const { step, census } of pages)
      scoreStep(score, declaration.itemId, declaration.ui, step, draftBindings(census, vocabulary));
    scores.push(score);
  }
  return scores;
}

const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');

export function describeScores(scores: readonly DraftScore[]): string {
  const sum = (key: 'bindings' | 'locator' | 'locatorAndKind' | 'elements' | 'elementRight') =>
    scores.reduce((total, s) => total + s[key], 0);
  const lines = scores.map(
    (s) =>
      `${s.portalId.padEnd(18)} ${String(s.steps)} 步 ${String(s.bindings).padStart(3)} 项：定位 ${pct(s.locator, s.bindings)}，定位+控件 ${pct(s.locatorAndKind, s.bindings)}，数据元 ${pct(s.elementRight, s.elements)}（${s.elementRight}/${s.elements}）`,
  );
  lines.push(
    `合计 ${sum('bindings')} 项：定位 ${pct(sum('locator'), sum('bindings'))}，定位+控件 ${pct(sum('locatorAndKind'), sum('bindings'))}，数据元 ${pct(sum('elementRight'), sum('elements'))}`,
  );
  return `${lines.join('\n')}\n`;
}
