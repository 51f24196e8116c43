/**
 * sprig's `getHostByName`. Helm v4 replaces it unless DNS lookups are enabled (`--enable-dns`,
 * which helm-controller does not set): every name resolves to the empty string. Rendering stays
 * offline and repeatable that way.
 */
import type { FuncMap } from '../value.js';
import { goFunc, STRING } from './define.js';

export const networkFuncMap: FuncMap = {
  getHostByName: goFunc([STRING], STRING, () => ''),
};
