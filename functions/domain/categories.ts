import type { RegionLevel } from './regions.ts';

/** A case category, with the department that handles it and the lowest level able to. */
export interface Category {
  code: string;
  name: string;
  /** The department that handles it; `null` where the petition office handles it itself. */
  department: string | null;
  /** The lowest level with a unit able to handle it (小事不出村、大事不出镇). */
  handlingLevel: RegionLevel;
}
