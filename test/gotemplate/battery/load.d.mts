import type { Shape, ShapeFacts } from './shapes.mjs';

export interface BatteryCase {
  id: string;
  area: string;
  text: string;
  shape?: Shape;
  /** Rendered alone (as `battery/templates/out.yaml`) even when it succeeds. */
  single: boolean;
  /**
   * What our engine must answer instead of helm v4.1.4's recorded answer, where the engine
   * deliberately follows a later helm (helm-controller's); `why` says which difference.
   */
  target?: { ok: true; v: string } | { ok: false; err: string };
  why?: string;
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
