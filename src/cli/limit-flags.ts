import type { Command } from 'commander';
import type { RenderLimits } from '../render/limits.js';
import { DEFAULT_RENDER_LIMITS } from '../render/limits.js';
import { UsageError } from './usage-error.js';

export interface LimitFlags {
  maxKustomizations?: string;
  maxGenerationDepth?: string;
  maxBuildObjects?: string;
}

/** The flags that raise or lower the render's bounds (docs/limits.md). */
export function addLimitFlags(cmd: Command): Command {
  return cmd
    .option(
      '--max-kustomizations <n>',
      `Flux Kustomizations one cluster may hold (default ${DEFAULT_RENDER_LIMITS.kustomizationsPerCluster})`,
    )
    .option(
      '--max-generation-depth <n>',
      `how deep Kustomizations may generate each other (default ${DEFAULT_RENDER_LIMITS.generationDepth})`,
    )
    .option(
      '--max-build-objects <n>',
      `objects one kustomize build may hold (default ${DEFAULT_RENDER_LIMITS.objectsPerBuild})`,
    );
}

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,8}$/.test(value))
    throw new UsageError(`${flag} takes a whole number from 1 to 999999999, not '${value}'`);
  return Number(value);
}

export function renderLimits(flags: LimitFlags): Partial<RenderLimits> {
  const kustomizationsPerCluster = count(flags.maxKustomizations, '--max-kustomizations');
  const generationDepth = count(flags.maxGenerationDepth, '--max-generation-depth');
  const objectsPerBuild = count(flags.maxBuildObjects, '--max-build-objects');
  return {
    ...(objectsPerBuild !== undefined ? { objectsPerBuild } : {}),
    ...(kustomizationsPerCluster !== undefined ? { kustomizationsPerCluster } : {}),
    ...(generationDepth !== undefined ? { generationDepth } : {}),
  };
}
