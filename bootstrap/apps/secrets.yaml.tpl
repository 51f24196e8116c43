# Bootstrap Secrets of the apps cluster, as 1Password references. Never commit the output:
#   op inject -i bootstrap/apps/secrets.yaml.tpl | kubectl apply --server-side -f -
# (`task bootstrap:apps` does exactly this). Vault "k8s-ops", one item per concern.
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
  identity: op://k8s-ops/github-deploy-key-apps/private-key
  identity.pub: op://k8s-ops/github-deploy-key-apps/public-key
  known_hosts: op://k8s-ops/github-deploy-key-apps/known-hosts
---
# 1Password Connect server credentials and the token External Secrets uses for the
# ClusterSecretStore onepassword-connect.
apiVersion: v1
kind: Secret
metadata:
  name: onepassword-connect-credentials
  namespace: external-secrets
stringData:
  1password-credentials.json: op://k8s-ops/onepassword-connect-apps/credentials-json
---
apiVersion: v1
kind: Secret
metadata:
  name: onepassword-connect-token
  namespace: external-secrets
stringData:
  token: op://k8s-ops/onepassword-connect-apps/token
