import { itemDef } from '../../../forms/index.ts';

/**
 * Chinese names for what the admin pages would otherwise show as identifiers: items (`housing-fund`),
 * portals, error codes, audit actions and detail keys, and a department form's fields (`members[0].name`).
 * An identifier with no name here is shown as it is, so a new one is visible rather than hidden.
 */
export const PORTAL_NAMES: Record<string, string> = {
  'market-regulation': '市场监管（企业登记）',
  'public-security': '公安（公章刻制）',
  bank: '银行（预约开户）',
  tax: '税务',
  'social-insurance': '社会保险',
  'medical-insurance': '医疗保障',
  'housing-fund': '住房公积金',
  'food-licence': '市场监管（食品经营许可）',
  'outdoor-sign': '城市管理（户外招牌设置）',
  'fire-safety': '消防救援（营业前消防安全检查）',
};

/** What each class of bot failure means and what happens next (see bots/errors). */
export const ERROR_LABELS: Record<string, string> = {
  PORTAL_UNAVAILABLE: '部门系统暂不可用（自动重试）',
  VALUE_REJECTED: '部门系统不接受填写的内容（退回窗口人员）',
  PERSON_NEEDED: '需要人协助（验证码等）',
  PORTAL_CHANGED: '部门系统页面已改版（需更新机器人配置）',
  PORTAL_NOT_CONFIGURED: '未设置机器人登录部门系统的账号',
};

export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.login-failed': '登录失败',
  'auth.login-delayed': '登录需等待',
  'auth.login-locked': '登录被锁定',
  'auth.logout': '退出登录',
  'user.register': '申请人注册',
  'user.create': '新建账号',
  'user.update': '修改账号',
  'user.password': '修改密码',
  'user.disable': '停用账号',
  'user.enable': '启用账号',
  'application.create': '新建办件',
  'application.save': '保存表单',
  'application.submit': '提交申请',
  'application.resubmit': '重新提交申请',
  'application.return': '退回修改',
  'application.accept': '受理',
  'application.dispatch': '一键报送各部门',
  'application.rate': '评价办件',
  'application.confirm-ocr': '确认识别结果',
  'document.confirm': '确认识别值',
  'document.upload': '上传材料',
  'document.remove': '删除材料',
  'task.answer': '回答机器人的提问',
  'portal.settings': '修改队列设置',
  'portal.pause': '暂停部门系统队列',
  'portal.resume': '恢复部门系统队列',
  'portal.credentials': '设置部门系统账号',
  'run.trace-download': '下载运行跟踪文件',
  'item.retry': '重新办理事项',
  'item.cancel': '取消办理事项',
  'item.hand-over': '事项转人工办理',
  'item.done-by-hand': '事项人工办结',
};

/** Keys of audit details, as chips on the audit log. */
export const DETAIL_LABELS: Record<string, string> = {
  login: '账号',
  role: '角色',
  centre: '服务中心',
  disabled: '停用',
  password: '密码',
  account: '部门系统账号',
  items: '事项',
  item: '事项',
  itemId: '事项',
  portal: '部门系统',
  portalId: '部门系统',
  bundle: '一件事',
  bundleId: '一件事',
  concurrency: '并发数',
  rateMax: '限速（次）',
  rateDurationMs: '限速周期（毫秒）',
  baseUrl: '地址',
  reason: '原因',
  verified: '验证方式',
  rating: '评价',
  kind: '类型',
  documentId: '材料',
  runId: '运行记录',
  run: '运行记录',
  fields: '字段数',
  field: '字段',
  document: '材料',
  note: '办理情况',
  reference: '部门办件编号',
  results: '登记的结果',
};

export function itemName(itemId: string): string {
  try {
    return itemDef(itemId).name;
  } catch {
    return itemId;
  }
}

/** A portal, an item, or anything else, by the name a person knows. */
export function nameOf(id: string): string {
  return PORTAL_NAMES[id] ?? (itemName(id) !== id ? itemName(id) : id);
}

/**
 * A field of an item's department form by its label on that form; a row of a repeated group is counted
 * from 1: `members[0].name` → 成员信息（第 1 行）姓名.
 */
export function fieldName(itemId: string, fieldId: string): string {
  let fields: ReturnType<typeof itemDef>['fields'] = [];
  try {
    fields = itemDef(itemId).fields;
  } catch {
    return fieldId;
  }
  const match = fieldId.match(/^([^.[]+)(?:\[(\d+)\])?(?:\.(.+))?$/);
  if (!match) return fieldId;
  const [, head = '', row, rest] = match;
  for (const field of fields) {
    if (field.id !== head) continue;
    if (field.kind !== 'group') return rest === undefined ? field.label : fieldId;
    const inner = field.fields.find((candidate) => candidate.id === rest);
    const place = row === undefined ? '' : `（第 ${Number(row) + 1} 行）`;
    return inner ? `${field.label}${place}${inner.label}` : `${field.label}${place}`;
  }
  return fieldId;
}
