/**
 * Object name rules as the Kubernetes API server applies them (apimachinery's
 * IsDNS1123Label / IsDNS1123Subdomain). A namespace is a label; the name of a custom
 * resource such as a Flux Kustomization is a subdomain. Each returns why a value is not
 * valid, or undefined when it is.
 */

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length > DNS1123_LABEL_MAX) return `longer than ${DNS1123_LABEL_MAX} characters`;
  if (!LABEL.test(value)) {
    return "not a DNS-1123 label (lower-case letters, digits and '-', starting and ending with a letter or digit)";
  }
  return undefined;
}

export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length > DNS1123_SUBDOMAIN_MAX) return `longer than ${DNS1123_SUBDOMAIN_MAX} characters`;
  if (!SUBDOMAIN.test(value)) {
    return "not a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', each part starting and ending with a letter or digit)";
  }
  return undefined;
}
