/**
 * Chinese surnames: the 百家姓 single-character surnames still in common use, a few very common ones it does
 * not list (覃, 肖, 练 …), and the compound surnames. A name whose first character is not one of these is not
 * wrong (minority names, rare surnames) but cannot be read with confidence.
 */
const SINGLE = [
  ...'赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公覃肖练邝佘付钭卿兰谌揭麦涂',
];

const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '夏侯',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '慕容',
  '宇文',
  '长孙',
  '司徒',
  '司空',
  '端木',
  '钟离',
  '轩辕',
  '独孤',
  '南宫',
  '西门',
  '申屠',
  '澹台',
  '呼延',
];

const SINGLE_SET = new Set(SINGLE);

/** True for the hundred or so surnames most people carry (and the common compound ones). */
export function isCommonSurname(surname: string): boolean {
  return COMMON.has(surname) || COMPOUND.slice(0, 8).includes(surname);
}

/** The surname a name starts with (a compound one first), or undefined when it is not a known surname. */
export function knownSurname(name: string): string | undefined {
  const compound = COMPOUND.find((s) => name.startsWith(s));
  if (compound) return compound;
  const first = [...name][0];
  return first && SINGLE_SET.has(first) ? first : undefined;
}

/** Common surnames for synthetic people (the first part of the list is ordered by frequency of use here). */
export const COMMON_SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭廖范汪陆金石戴贾韦夏邱方侯邹熊孟秦白江阎薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严赖覃洪武莫孔',
];

export const COMPOUND_SURNAMES: readonly string[] = COMPOUND.slice(0, 4);

const COMMON = new Set(COMMON_SURNAMES);
