import type { Category } from '../domain/categories.ts';
import type { Region } from '../domain/regions.ts';

/**
 * The default categories and the department that handles each, with the
 * lowest level that can: neighbourhood matters stay in the village, land and
 * civil affairs in the township, the rest go to the county's departments.
 */
export const DEFAULT_CATEGORIES: Category[] = [
  { code: 'housing', name: '住房城乡建设', department: 'housing', handlingLevel: 'county' },
  { code: 'land', name: '国土资源', department: 'land', handlingLevel: 'township' },
  { code: 'labour', name: '劳动社保', department: 'labour', handlingLevel: 'county' },
  { code: 'environment', name: '生态环境', department: 'environment', handlingLevel: 'county' },
  { code: 'public_security', name: '公安司法', department: 'public_security', handlingLevel: 'county' },
  { code: 'health', name: '卫生健康', department: 'health', handlingLevel: 'county' },
  { code: 'education', name: '教育', department: 'education', handlingLevel: 'county' },
  { code: 'civil_affairs', name: '民政', department: 'civil_affairs', handlingLevel: 'township' },
  { code: 'transport', name: '交通运输', department: 'transport', handlingLevel: 'county' },
  { code: 'other', name: '其他', department: null, handlingLevel: 'village' },
];

type Row = [code: string, name: string, population: number];

function level(parentCode: string, levelName: Region['level'], rows: Row[]): Region[] {
  return rows.map(([code, name, population]) => ({ code, name, level: levelName, parentCode, population }));
}

/**
 * Demo regions: Zhejiang > Jinhua > Pujiang county and Yiwu, with townships and
 * some villages. Codes follow GB/T 2260; populations are round demo figures.
 */
export const DEMO_REGIONS: Region[] = [
  { code: '330000', name: '浙江省', level: 'province', population: 65_770_000 },
  ...level('330000', 'city', [
    ['330100', '杭州市', 12_520_000],
    ['330700', '金华市', 7_120_000],
  ]),
  ...level('330700', 'county', [
    ['330726', '浦江县', 460_000],
    ['330782', '义乌市', 1_890_000],
  ]),
  ...level('330726', 'township', [
    ['330726001', '浦阳街道', 98_000],
    ['330726002', '仙华街道', 62_000],
    ['330726003', '浦南街道', 57_000],
    ['330726101', '黄宅镇', 56_000],
    ['330726102', '岩头镇', 41_000],
    ['330726103', '郑宅镇', 32_000],
    ['330726104', '檀溪镇', 24_000],
    ['330726105', '杭坪镇', 22_000],
    ['330726106', '白马镇', 36_000],
    ['330726107', '花桥乡', 13_000],
    ['330726108', '虞宅乡', 12_000],
    ['330726109', '大畈乡', 7_000],
  ]),
  ...level('330726001', 'village', [
    ['330726001001', '城南社区', 6_800],
    ['330726001002', '城北社区', 7_400],
    ['330726001003', '和平社区', 5_900],
  ]),
  ...level('330726101', 'village', [
    ['330726101201', '黄宅村', 3_600],
    ['330726101202', '前店村', 2_100],
  ]),
  ...level('330726103', 'village', [
    ['330726103201', '郑宅村', 2_900],
    ['330726103202', '东明村', 1_800],
  ]),
  ...level('330782', 'township', [
    ['330782001', '稠城街道', 210_000],
    ['330782002', '北苑街道', 150_000],
    ['330782003', '江东街道', 190_000],
    ['330782101', '佛堂镇', 160_000],
  ]),
  ...level('330782001', 'village', [
    ['330782001001', '宾王社区', 8_200],
    ['330782001002', '绣湖社区', 7_600],
  ]),
];
