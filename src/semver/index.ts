export {
  compareVersions,
  comparePrerelease,
  formatVersion,
  parseStrictVersion,
  parseVersion,
  SemverError,
  tryParseVersion,
  type Version,
} from './version.js';
export { parseConstraint, satisfies, type CheckOptions, type Constraints } from './constraint.js';
export { selectHighest, sortDescending, type Selected } from './select.js';
