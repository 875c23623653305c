{{/*
Chart name, truncated to 63 characters (a DNS label).
*/}}
{{- define "mingjing.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart> unless the release name already holds the chart name.
Kept to 52 characters so suffixed names (-keycloak-db-app, -county-<id>) stay valid.
*/}}
{{- define "mingjing.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "mingjing.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Standard labels (app.kubernetes.io/*) on every resource.
*/}}
{{- define "mingjing.labels" -}}
{{ include "mingjing.commonLabels" . }}
app.kubernetes.io/component: platform
{{- end }}

{{/*
Standard labels without the component, for resources that are not the platform (databases, Keycloak):
they add their own app.kubernetes.io/component.
*/}}
{{- define "mingjing.commonLabels" -}}
helm.sh/chart: {{ include "mingjing.chart" . }}
app.kubernetes.io/name: {{ include "mingjing.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: mingjing
{{- end }}

{{/*
Selector labels of the platform pods. Never change them in an upgrade: Deployment selectors are immutable.
*/}}
{{- define "mingjing.selectorLabels" -}}
app.kubernetes.io/name: {{ include "mingjing.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: platform
{{- end }}

{{- define "mingjing.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "mingjing.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Platform image: registry/repository@digest, else registry/repository:tag (tag defaults to appVersion).
*/}}
{{- define "mingjing.image" -}}
{{- $repo := .Values.image.repository }}
{{- if .Values.image.registry }}
{{- $repo = printf "%s/%s" .Values.image.registry .Values.image.repository }}
{{- end }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repo .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repo (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/* ---------------------------------------------------------------- PostgreSQL */}}

{{- define "mingjing.cnpg.name" -}}
{{- printf "%s-db" (include "mingjing.fullname" .) }}
{{- end }}

{{/*
JDBC URL of the platform database: the CNPG read-write service, or the external server.
*/}}
{{- define "mingjing.database.jdbcUrl" -}}
{{- if .Values.cnpg.enabled }}
{{- printf "jdbc:postgresql://%s-rw.%s.svc:5432/%s" (include "mingjing.cnpg.name" .) .Release.Namespace .Values.cnpg.database }}
{{- else if .Values.database.external.jdbcUrl }}
{{- .Values.database.external.jdbcUrl }}
{{- else }}
{{- $e := .Values.database.external }}
{{- if not $e.host }}{{ fail "database.external.host (or database.external.jdbcUrl, or cnpg.enabled) is required" }}{{ end }}
{{- printf "jdbc:postgresql://%s:%d/%s?sslmode=%s" $e.host (int $e.port) $e.database $e.sslMode }}
{{- end }}
{{- end }}

{{/*
Secret holding the platform's database login: CNPG's <cluster>-app, an existing one, or the chart's own.
*/}}
{{- define "mingjing.database.secretName" -}}
{{- if .Values.cnpg.enabled }}
{{- printf "%s-app" (include "mingjing.cnpg.name" .) }}
{{- else if .Values.database.existingSecret }}
{{- .Values.database.existingSecret }}
{{- else if and .Values.database.username .Values.database.password }}
{{- printf "%s-database" (include "mingjing.fullname" .) }}
{{- else }}
{{- fail "database.existingSecret, or database.username and database.password, or cnpg.enabled is required" }}
{{- end }}
{{- end }}

{{- define "mingjing.database.usernameKey" -}}
{{- if or .Values.cnpg.enabled (not .Values.database.existingSecret) }}username{{ else }}{{ .Values.database.usernameKey }}{{ end }}
{{- end }}

{{- define "mingjing.database.passwordKey" -}}
{{- if or .Values.cnpg.enabled (not .Values.database.existingSecret) }}password{{ else }}{{ .Values.database.passwordKey }}{{ end }}
{{- end }}

{{/* ---------------------------------------------------------------- Keycloak */}}

{{- define "mingjing.keycloak.name" -}}
{{- printf "%s-keycloak" (include "mingjing.fullname" .) }}
{{- end }}

{{- define "mingjing.keycloak.dbName" -}}
{{- printf "%s-keycloak-db" (include "mingjing.fullname" .) }}
{{- end }}

{{/*
Keycloak base URL for the platform: the operator's in-cluster service (HTTP, port 8080), or keycloak.url.
*/}}
{{- define "mingjing.keycloak.url" -}}
{{- if .Values.keycloak.operator.enabled }}
{{- printf "http://%s-service.%s.svc:8080" (include "mingjing.keycloak.name" .) .Release.Namespace }}
{{- else }}
{{- required "keycloak.url is required" .Values.keycloak.url | trimSuffix "/" }}
{{- end }}
{{- end }}

{{- define "mingjing.keycloak.adminSecretName" -}}
{{- if .Values.keycloak.admin.existingSecret }}
{{- .Values.keycloak.admin.existingSecret }}
{{- else if and .Values.keycloak.admin.username .Values.keycloak.admin.password }}
{{- printf "%s-keycloak-admin" (include "mingjing.fullname" .) }}
{{- else }}
{{- fail "keycloak.admin.existingSecret, or keycloak.admin.username and keycloak.admin.password, is required" }}
{{- end }}
{{- end }}

{{- define "mingjing.keycloak.adminUsernameKey" -}}
{{- if .Values.keycloak.admin.existingSecret }}{{ .Values.keycloak.admin.usernameKey }}{{ else }}username{{ end }}
{{- end }}

{{- define "mingjing.keycloak.adminPasswordKey" -}}
{{- if .Values.keycloak.admin.existingSecret }}{{ .Values.keycloak.admin.passwordKey }}{{ else }}password{{ end }}
{{- end }}

{{/* ---------------------------------------------------------------- platform settings */}}

{{/*
Public base URL of the portal (MINGJING_PUBLIC_URL), without a trailing slash: config.publicUrl, else
https://<ingress.host> with ingress.tlsSecretName, http://<ingress.host> without.
*/}}
{{- define "mingjing.publicUrl" -}}
{{- if .Values.config.publicUrl }}
{{- .Values.config.publicUrl | trimSuffix "/" }}
{{- else if .Values.ingress.host }}
{{- printf "%s://%s" (ternary "https" "http" (not (empty .Values.ingress.tlsSecretName))) .Values.ingress.host }}
{{- else }}
{{- fail "config.publicUrl is required when ingress.host is empty (county portal clients in Keycloak redirect there)" }}
{{- end }}
{{- end }}

{{/*
The platform secret (MINGJING_SECRET): a Secret you manage, or the chart's <fullname>-platform-secret.
*/}}
{{- define "mingjing.platformSecret.name" -}}
{{- if .Values.platformSecret.existingSecret }}
{{- .Values.platformSecret.existingSecret }}
{{- else }}
{{- printf "%s-platform-secret" (include "mingjing.fullname" .) }}
{{- end }}
{{- end }}

{{- define "mingjing.platformSecret.key" -}}
{{- if .Values.platformSecret.existingSecret }}{{ .Values.platformSecret.key }}{{ else }}secret{{ end }}
{{- end }}

{{/* ---------------------------------------------------------------- content: tenants */}}

{{- define "mingjing.tenants.enabled" -}}
{{- if or .Values.tenants.descriptors .Values.tenants.image }}true{{ end }}
{{- end }}

{{- define "mingjing.tenantsDir" -}}
/deployments/tenants
{{- end }}

{{/*
Effective replica floor: replicaCount, or the HPA's minimum when autoscaling.
*/}}
{{- define "mingjing.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}
