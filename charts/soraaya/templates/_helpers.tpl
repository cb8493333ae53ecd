{{/*
Helpers. Templates stay within the subset that charts/soraaya/test/go-template.ts renders
(define/include, if/else, range, with, variables, toYaml|nindent, default, quote, printf,
dict/list/set/index/hasKey, eq/ne/and/or/not, trunc/trimSuffix/contains, required, sha256sum,
ternary, toString), so the chart test renders exactly what helm would.
*/}}

{{/* Prefix of every resource name: <release>-soraaya, or the release name when it already says soraaya. */}}
{{- define "soraaya.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 50 | trimSuffix "-" -}}
{{- else if contains "soraaya" .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-soraaya" .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end }}

{{/* Name of one service's resources. Argument: dict root, name. */}}
{{- define "soraaya.serviceName" -}}
{{- printf "%s-%s" (include "soraaya.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end }}

{{/* Labels selecting one service's pods (its Deployment and its migration Job). */}}
{{- define "soraaya.selectorLabels" -}}
app.kubernetes.io/name: soraaya
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{- define "soraaya.labels" -}}
{{ include "soraaya.selectorLabels" . }}
app.kubernetes.io/part-of: soraaya
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end }}

{{/* registry/repository:tag of one service. */}}
{{- define "soraaya.image" -}}
{{- $g := .root.Values.global.image -}}
{{- $img := (index .root.Values .name).image -}}
{{- $tag := $img.tag | default $g.tag | default .root.Chart.AppVersion -}}
{{- if $g.registry -}}
{{- printf "%s/%s:%s" $g.registry $img.repository $tag -}}
{{- else -}}
{{- printf "%s:%s" $img.repository $tag -}}
{{- end -}}
{{- end }}

{{/* nats:// URL of the bundled NATS (named as the nats chart names its Service) or of externalNats. */}}
{{- define "soraaya.natsUrl" -}}
{{- if .Values.nats.enabled -}}
{{- $n := .Values.nats -}}
{{- $host := printf "%s-nats" .Release.Name -}}
{{- if $n.fullnameOverride -}}
{{- $host = $n.fullnameOverride -}}
{{- else if contains "nats" .Release.Name -}}
{{- $host = .Release.Name -}}
{{- end -}}
{{- printf "nats://%s:4222" $host -}}
{{- else -}}
{{- required "externalNats.url is required when nats.enabled=false" .Values.externalNats.url -}}
{{- end -}}
{{- end }}

{{/* "true" when a bundled subchart must be running before the services can start. */}}
{{- define "soraaya.bundledInfra" -}}
{{- if or .Values.nats.enabled .Values.postgresql.enabled .Values.redis.enabled -}}true{{- end -}}
{{- end }}

{{/* Hooks of the migration Jobs: see global.migrations.hook in values.yaml. */}}
{{- define "soraaya.migrationHook" -}}
{{- if .Values.global.migrations.hook -}}
{{- .Values.global.migrations.hook -}}
{{- else if include "soraaya.bundledInfra" . -}}
pre-upgrade
{{- else -}}
pre-install,pre-upgrade
{{- end -}}
{{- end }}

{{/*
Do the Deployments leave migrations to the Job? Not on the first install with a bundled
subchart, where the Job only runs on upgrades: then each service migrates at start.
*/}}
{{- define "soraaya.jobMigrates" -}}
{{- $svc := index .root.Values .name -}}
{{- if $svc.migrations.enabled -}}
{{- if not (and .root.Release.IsInstall (include "soraaya.bundledInfra" .root) (not .root.Values.global.migrations.hook)) -}}true{{- end -}}
{{- end -}}
{{- end }}

{{/* env entries for the secret variables of one service (global.secretEnv + its secretEnv). */}}
{{- define "soraaya.secretEnv" -}}
{{- $g := .root.Values.global -}}
{{- $svc := index .root.Values .name -}}
{{- $refs := dict -}}
{{- range $k, $v := $g.secretEnv }}{{ $_ := set $refs $k $v }}{{ end -}}
{{- range $k, $v := $svc.secretEnv }}{{ $_ := set $refs $k $v }}{{ end -}}
{{- range $k, $ref := $refs }}
- name: {{ $k }}
  valueFrom:
    secretKeyRef:
      name: {{ $ref.secret | default $g.existingSecret | required "global.existingSecret is required: the chart reads every secret from an existing Secret" }}
      key: {{ required (printf "secretEnv %s needs a key" $k) $ref.key }}
      {{- if $ref.optional }}
      optional: true
      {{- end }}
{{- end }}
{{- end }}

{{/* One HTTP probe. Argument: dict probe, port. */}}
{{- define "soraaya.probe" -}}
httpGet:
  path: {{ .probe.path }}
  port: {{ .port }}
periodSeconds: {{ .probe.periodSeconds | default 10 }}
timeoutSeconds: {{ .probe.timeoutSeconds | default 3 }}
failureThreshold: {{ .probe.failureThreshold | default 3 }}
{{- with .probe.initialDelaySeconds }}
initialDelaySeconds: {{ . }}
{{- end }}
{{- end }}
