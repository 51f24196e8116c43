/** What to record of a non-deterministic output instead of its bytes. */
export interface Shape {
  len?: boolean;
  lines?: boolean;
  match?: string[];
}
export interface ShapeFacts {
  len?: number;
  lines?: number;
  match?: boolean[];
}
export function shapeFacts(output: string, shape: Shape): ShapeFacts;
