import type { Shape, ShapeFacts } from './shapes.mjs';

export interface BatteryCase {
  id: string;
  area: string;
  text: string;
  shape?: Shape;
  /** Rendered alone (as `battery/templates/out.yaml`) even when it succeeds. */
  single: boolean;
}
export type Golden = { ok: true; v: string } | { ok: true; shape: ShapeFacts } | { ok: false; err: string };
export type Goldens = Record<string, Golden>;

export const CASES_DIR: string;
export const GOLDENS_FILE: string;
export const SHARED_BATTERY_DIR: string;
export function loadShared(): Promise<{
  data: Record<string, unknown>;
  cases: BatteryCase[];
  goldens: Goldens;
}>;
export function loadOurs(): Promise<BatteryCase[]>;
export function loadGoldens(): Goldens;
