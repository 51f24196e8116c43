# Bootstrap Secrets of the infra cluster, as 1Password references. Never commit the output:
#   op inject -i bootstrap/infra/secrets.yaml.tpl | kubectl apply --server-side -f -
# (`task bootstrap:infra` does exactly this). Vault "k8s-ops", one item per concern.
---
# age private key: Flux decrypts the SOPS-encrypted Secrets held in Git with it.
apiVersion: v1
kind: Secret
metadata:
  name: sops-age
  namespace: flux-system
stringData:
  age.agekey: op://k8s-ops/sops-age/private-key
---
# Read-only GitHub deploy key of monosense/k8s-ops for GitRepository/flux-system.
apiVersion: v1
kind: Secret
metadata:
  name: github-deploy-key
  namespace: flux-system
stringData:
  identity: op://k8s-ops/github-deploy-key-infra/private-key
  identity.pub: op://k8s-ops/github-deploy-key-infra/public-key
  known_hosts: op://k8s-ops/github-deploy-key-infra/known-hosts
---
# ClusterMesh CA shared by both clusters (same item on infra and apps). It must exist before
# bootstrap installs Cilium: Cilium's certgen then signs the Hubble and ClusterMesh
# certificates with it instead of generating a CA of its own that the other cluster would
# not trust. Flux keeps it in sync afterwards (ExternalSecret cilium-ca, creationPolicy Merge).
apiVersion: v1
kind: Secret
metadata:
  name: cilium-ca
  namespace: kube-system
type: Opaque
stringData:
  ca.crt: op://k8s-ops/cilium-clustermesh/CILIUM_CA_CRT
  ca.key: op://k8s-ops/cilium-clustermesh/CILIUM_CA_KEY
---
# 1Password Connect server credentials and the token External Secrets uses for the
# ClusterSecretStore onepassword-connect. The Connect server reads the key as OP_SESSION,
# which must be the *base64-encoded* 1password-credentials.json: the 1Password field
# credentials-base64 holds `base64 -w0 1password-credentials.json` (one line, so op inject
# keeps this YAML valid), and stringData stores it as is.
apiVersion: v1
kind: Secret
metadata:
  name: onepassword-connect-credentials
  namespace: external-secrets
stringData:
  1password-credentials.json: op://k8s-ops/onepassword-connect-infra/credentials-base64
---
apiVersion: v1
kind: Secret
metadata:
  name: onepassword-connect-token
  namespace: external-secrets
stringData:
  token: op://k8s-ops/onepassword-connect-infra/token
