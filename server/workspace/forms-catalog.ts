import { BUNDLES, bundleChoiceOf, itemDef, mergedFormOf, selectItems } from '../../forms/index.ts';
import type { BundleInfo, FormCatalog, ItemInfo, MaterialSlot } from '../catalog.ts';

/** The catalogue of bundles and materials, read from forms/ (merged forms are cached there, per choice). */
const IMAGE_ONLY = new Set(['idCardFront', 'idCardBack', 'businessLicence']);
const OCR_TEMPLATE: Record<string, MaterialSlot['ocr']> = {
  idCardFront: 'idCard',
  businessLicence: 'businessLicence',
};
const HINTS: Record<string, string> = {
  idCardFront: '每位人员一张，拍有照片和姓名的一面；上传后自动识别姓名、证件号码等信息',
  idCardBack: '拍有国徽和有效期限的一面',
  domicileProof: '房产证或租赁合同，需能看清地址和签章；可上传照片或 PDF',
  businessLicence: '营业执照正本或副本照片，上传后自动识别企业名称、统一社会信用代码等信息',
};

function describeBundle(id: string): BundleInfo | undefined {
  const bundle = BUNDLES.get(id);
  if (!bundle) return undefined;
  return {
    id: bundle.id,
    name: bundle.name,
    summary: bundle.description,
    options: bundle.options.map((option) => ({
      id: option.id,
      label: option.label,
      choices: option.choices.map((choice) => ({ ...choice })),
      byDefault: option.byDefault,
    })),
    items: bundle.items.map((entry): ItemInfo => {
      const item = itemDef(entry.item);
      const option = entry.includeWhen && bundle.options.find((o) => o.id === entry.includeWhen?.option);
      const when = option ? option.choices.find((c) => c.value === entry.includeWhen?.equals) : undefined;
      return {
        id: item.id,
        name: item.name,
        department: item.department,
        optional: entry.optional !== undefined,
        byDefault: entry.optional?.byDefault ?? true,
        ...(option && when ? { onlyWhen: `${option.label}：${when.label}` } : {}),
      };
    }),
  };
}

export const formsCatalog: FormCatalog = {
  bundles: () => [...BUNDLES.keys()].flatMap((id) => describeBundle(id) ?? []),
  bundle: describeBundle,
  selectedItems(bundleId, choice) {
    const bundle = BUNDLES.get(bundleId);
    const info = describeBundle(bundleId);
    if (!bundle || !info) return [];
    const ids = selectItems(bundle, bundleChoiceOf(choice));
    return info.items.filter((item) => ids.includes(item.id));
  },
  materials(bundleId, choice) {
    if (!BUNDLES.has(bundleId)) return [];
    const form = mergedFormOf(bundleId, choice);
    const slots: MaterialSlot[] = [];
    // An existing licence (开餐饮店 without a new registration) is read by OCR instead of typed.
    const readsLicence = form.fields.some((f) =>
      f.sources.some((s) => s.kind === 'ocr' && s.document === 'businessLicence'),
    );
    if (readsLicence && !form.items.includes('business-registration')) {
      slots.push({
        id: 'businessLicence',
        label: '营业执照',
        hint: HINTS.businessLicence,
        required: true,
        accepts: ['jpeg', 'png'],
        ocr: 'businessLicence',
      });
    }
    for (const field of form.fields) {
      if (field.kind !== 'upload' || !field.document || slots.some((slot) => slot.id === field.document))
        continue;
      const template = OCR_TEMPLATE[field.document];
      const hint = HINTS[field.document];
      slots.push({
        id: field.document,
        label: field.label,
        required: !!field.constraints.required,
        accepts: IMAGE_ONLY.has(field.document) ? ['jpeg', 'png'] : ['jpeg', 'png', 'pdf'],
        ...(hint ? { hint } : {}),
        ...(template ? { ocr: template } : {}),
        ...(field.group === 'persons' ? { perPerson: true } : {}),
      });
    }
    return slots;
  },
};
