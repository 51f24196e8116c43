/**
 * `.Release` and `.Template` as helm v4 builds them: plain maps (`map[string]interface {}` and
 * `common.Values`) with Go field names as keys.
 */
import { goInt, newMap, type GoMap } from '../value.js';

export interface ReleaseInfo {
  name: string;
  namespace: string;
  /** `helm template` and a first install: true; later reconciles upgrade. */
  isInstall?: boolean;
  isUpgrade?: boolean;
  revision?: number;
  service?: string;
}

/** `.Release`: Name, Namespace, IsUpgrade, IsInstall, Revision (an int), Service (`Helm`). */
export function makeRelease(info: ReleaseInfo): GoMap {
  const release = newMap();
  release.Name = info.name;
  release.Namespace = info.namespace;
  release.IsUpgrade = info.isUpgrade ?? false;
  release.IsInstall = info.isInstall ?? !(info.isUpgrade ?? false);
  release.Revision = goInt(info.revision ?? 1);
  release.Service = info.service ?? 'Helm';
  return release;
}

/** `.Template` of the file being rendered: its name and its chart's `templates` folder. */
export function makeTemplateObject(name: string, basePath: string): GoMap {
  const template = newMap('common.Values');
  template.Name = name;
  template.BasePath = basePath;
  return template;
}
