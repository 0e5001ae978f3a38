/**
 * GB/T 4754-2017 国民经济行业分类: the 20 门类 (A–T) and all 97 大类 (two-digit codes 01–97), with the
 * 工伤保险行业风险类别 (1–8) of each 大类 after 人社部发〔2015〕71号 (its table, written against the 2011 edition,
 * carried over to the 2017 大类 names). Portals write an industry as 门类 letter + 大类 ('I65').
 */
import { type CodeEntry, codeTable } from './table.ts';

export interface IndustryDivision extends CodeEntry {
  /** Two digits, '65'. */
  readonly code: string;
  /** The 门类 letter, 'I'. */
  readonly section: string;
  /** Letter + code, 'I65': the form portals use. */
  readonly industryCode: string;
  /** 工伤保险行业风险类别, 1 (lowest) … 8. */
  readonly injuryRiskClass: number;
}

export const INDUSTRY_SECTIONS = codeTable('GB/T 4754-2017 门类', [
  { code: 'A', name: '农、林、牧、渔业' },
  { code: 'B', name: '采矿业' },
  { code: 'C', name: '制造业' },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业' },
  { code: 'E', name: '建筑业' },
  { code: 'F', name: '批发和零售业' },
  { code: 'G', name: '交通运输、仓储和邮政业' },
  { code: 'H', name: '住宿和餐饮业' },
  { code: 'I', name: '信息传输、软件和信息技术服务业' },
  { code: 'J', name: '金融业' },
  { code: 'K', name: '房地产业' },
  { code: 'L', name: '租赁和商务服务业' },
  { code: 'M', name: '科学研究和技术服务业' },
  { code: 'N', name: '水利、环境和公共设施管理业' },
  { code: 'O', name: '居民服务、修理和其他服务业' },
  { code: 'P', name: '教育' },
  { code: 'Q', name: '卫生和社会工作' },
  { code: 'R', name: '文化、体育和娱乐业' },
  { code: 'S', name: '公共管理、社会保障和社会组织' },
  { code: 'T', name: '国际组织' },
]);

// [大类 code, name, 门类, 工伤风险类别]
const DIVISIONS: ReadonlyArray<readonly [string, string, string, number]> = [
  ['01', '农业', 'A', 4],
  ['02', '林业', 'A', 5],
  ['03', '畜牧业', 'A', 4],
  ['04', '渔业', 'A', 6],
  ['05', '农、林、牧、渔专业及辅助性活动', 'A', 4],
  ['06', '煤炭开采和洗选业', 'B', 8],
  ['07', '石油和天然气开采业', 'B', 7],
  ['08', '黑色金属矿采选业', 'B', 8],
  ['09', '有色金属矿采选业', 'B', 8],
  ['10', '非金属矿采选业', 'B', 8],
  ['11', '开采专业及辅助性活动', 'B', 5],
  ['12', '其他采矿业', 'B', 7],
  ['13', '农副食品加工业', 'C', 3],
  ['14', '食品制造业', 'C', 3],
  ['15', '酒、饮料和精制茶制造业', 'C', 3],
  ['16', '烟草制品业', 'C', 3],
  ['17', '纺织业', 'C', 3],
  ['18', '纺织服装、服饰业', 'C', 4],
  ['19', '皮革、毛皮、羽毛及其制品和制鞋业', 'C', 4],
  ['20', '木材加工和木、竹、藤、棕、草制品业', 'C', 4],
  ['21', '家具制造业', 'C', 3],
  ['22', '造纸和纸制品业', 'C', 3],
  ['23', '印刷和记录媒介复制业', 'C', 3],
  ['24', '文教、工美、体育和娱乐用品制造业', 'C', 3],
  ['25', '石油、煤炭及其他燃料加工业', 'C', 7],
  ['26', '化学原料和化学制品制造业', 'C', 6],
  ['27', '医药制造业', 'C', 4],
  ['28', '化学纤维制造业', 'C', 4],
  ['29', '橡胶和塑料制品业', 'C', 4],
  ['30', '非金属矿物制品业', 'C', 6],
  ['31', '黑色金属冶炼和压延加工业', 'C', 6],
  ['32', '有色金属冶炼和压延加工业', 'C', 6],
  ['33', '金属制品业', 'C', 4],
  ['34', '通用设备制造业', 'C', 4],
  ['35', '专用设备制造业', 'C', 4],
  ['36', '汽车制造业', 'C', 4],
  ['37', '铁路、船舶、航空航天和其他运输设备制造业', 'C', 4],
  ['38', '电气机械和器材制造业', 'C', 4],
  ['39', '计算机、通信和其他电子设备制造业', 'C', 3],
  ['40', '仪器仪表制造业', 'C', 3],
  ['41', '其他制造业', 'C', 3],
  ['42', '废弃资源综合利用业', 'C', 4],
  ['43', '金属制品、机械和设备修理业', 'C', 4],
  ['44', '电力、热力生产和供应业', 'D', 4],
  ['45', '燃气生产和供应业', 'D', 4],
  ['46', '水的生产和供应业', 'D', 3],
  ['47', '房屋建筑业', 'E', 6],
  ['48', '土木工程建筑业', 'E', 6],
  ['49', '建筑安装业', 'E', 5],
  ['50', '建筑装饰、装修和其他建筑业', 'E', 5],
  ['51', '批发业', 'F', 2],
  ['52', '零售业', 'F', 2],
  ['53', '铁路运输业', 'G', 5],
  ['54', '道路运输业', 'G', 4],
  ['55', '水上运输业', 'G', 5],
  ['56', '航空运输业', 'G', 4],
  ['57', '管道运输业', 'G', 4],
  ['58', '多式联运和运输代理业', 'G', 5],
  ['59', '装卸搬运和仓储业', 'G', 3],
  ['60', '邮政业', 'G', 2],
  ['61', '住宿业', 'H', 2],
  ['62', '餐饮业', 'H', 2],
  ['63', '电信、广播电视和卫星传输服务', 'I', 2],
  ['64', '互联网和相关服务', 'I', 2],
  ['65', '软件和信息技术服务业', 'I', 1],
  ['66', '货币金融服务', 'J', 1],
  ['67', '资本市场服务', 'J', 1],
  ['68', '保险业', 'J', 1],
  ['69', '其他金融业', 'J', 1],
  ['70', '房地产业', 'K', 2],
  ['71', '租赁业', 'L', 2],
  ['72', '商务服务业', 'L', 2],
  ['73', '研究和试验发展', 'M', 2],
  ['74', '专业技术服务业', 'M', 2],
  ['75', '科技推广和应用服务业', 'M', 1],
  ['76', '水利管理业', 'N', 3],
  ['77', '生态保护和环境治理业', 'N', 3],
  ['78', '公共设施管理业', 'N', 3],
  ['79', '土地管理业', 'N', 3],
  ['80', '居民服务业', 'O', 2],
  ['81', '机动车、电子产品和日用产品修理业', 'O', 3],
  ['82', '其他服务业', 'O', 2],
  ['83', '教育', 'P', 2],
  ['84', '卫生', 'Q', 2],
  ['85', '社会工作', 'Q', 1],
  ['86', '新闻和出版业', 'R', 2],
  ['87', '广播、电视、电影和录音制作业', 'R', 1],
  ['88', '文化艺术业', 'R', 2],
  ['89', '体育', 'R', 4],
  ['90', '娱乐业', 'R', 3],
  ['91', '中国共产党机关', 'S', 1],
  ['92', '国家机构', 'S', 1],
  ['93', '人民政协、民主党派', 'S', 1],
  ['94', '社会保障', 'S', 1],
  ['95', '群众团体、社会团体和其他成员组织', 'S', 1],
  ['96', '基层群众自治组织及其他组织', 'S', 1],
  ['97', '国际组织', 'T', 1],
];

export const INDUSTRY_DIVISIONS = codeTable<IndustryDivision>(
  'GB/T 4754-2017 大类',
  DIVISIONS.map(([code, name, section, injuryRiskClass]) => ({
    code,
    name,
    section,
    industryCode: `${section}${code}`,
    injuryRiskClass,
  })),
);

/** Accepts '65' or 'I65' (the letter must then be the right 门类). */
export function industryDivision(code: string): IndustryDivision | undefined {
  const match = /^([A-T])?(\d{2})$/.exec(code.trim().toUpperCase());
  if (!match) return undefined;
  const division = INDUSTRY_DIVISIONS.byCode(match[2] ?? '');
  if (!division || (match[1] && match[1] !== division.section)) return undefined;
  return division;
}

/** 工伤保险行业风险类别 of an industry ('I65' → 1). */
export function injuryRiskClassOf(code: string): number | undefined {
  return industryDivision(code)?.injuryRiskClass;
}
