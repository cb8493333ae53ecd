{{/*
Every Kubernetes object of one service, rendered from its values block. Each
templates/<service>.yaml calls it once:
  {{- include "soraaya.service" (dict "root" . "name" "<service>") }}
Objects: ConfigMap, ServiceAccount, Deployment, Service, HorizontalPodAutoscaler (hpa.enabled),
PodDisruptionBudget (pdb.enabled), NetworkPolicy (global + service networkPolicy.enabled),
ServiceMonitor (metrics.serviceMonitor.enabled) and the migration Job (migrations.enabled, a hook).
*/}}
{{- define "soraaya.service" -}}
{{- $root := .root -}}
{{- $name := .name -}}
{{- $svc := index $root.Values $name -}}
{{- if not $svc -}}
{{- fail (printf "no values block for service %s" $name) -}}
{{- end -}}
{{- if $svc.enabled -}}
{{- $g := $root.Values.global -}}
{{- $np := $g.networkPolicy -}}
{{- $instance := $root.Release.Name -}}
{{- $fullname := include "soraaya.serviceName" . -}}
{{- $opsPort := required (printf "%s.opsPort must name one of %s.ports" $name $name) (index $svc.ports $svc.opsPort) -}}
{{- $jobMigrates := include "soraaya.jobMigrates" . -}}
{{- /* Plain environment: global, then computed, then the service's own (which wins). */ -}}
{{- $env := dict -}}
{{- range $k, $v := $g.env }}{{ $_ := set $env $k $v }}{{ end -}}
{{- $_ := set $env "NATS_URL" (include "soraaya.natsUrl" $root) -}}
{{- $_ := set $env "NATS_STREAM_REPLICAS" (toString $g.jetstream.replicas) -}}
{{- $_ := set $env "HTTP_HOST" "0.0.0.0" -}}
{{- range $pname, $p := $svc.ports }}{{ if $p.env }}{{ $_ := set $env $p.env (toString $p.port) }}{{ end }}{{ end -}}
{{- range $var, $link := $svc.serviceLinks }}
{{- $target := index $root.Values $link.service -}}
{{- $port := index $target.ports $link.port -}}
{{- $url := printf "http://%s:%s%s" (include "soraaya.serviceName" (dict "root" $root "name" $link.service)) (toString $port.port) ($link.path | default "") -}}
{{- $_ := set $env $var $url -}}
{{- end -}}
{{- range $k, $v := $svc.env }}{{ $_ := set $env $k $v }}{{ end -}}
{{- $_ := set $env "RUN_MIGRATIONS" (ternary "false" "true" (eq $jobMigrates "true")) }}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
data:
{{- range $k, $v := $env }}
{{- if ne (toString $v) "" }}
  {{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end }}
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
automountServiceAccountToken: false
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
spec:
  {{- if not $svc.hpa.enabled }}
  replicas: {{ $svc.replicas }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      maxSurge: 1
      maxUnavailable: 0
  selector:
    matchLabels:
      {{- include "soraaya.selectorLabels" . | nindent 6 }}
      soraaya.io/role: server
  template:
    metadata:
      labels:
        {{- include "soraaya.selectorLabels" . | nindent 8 }}
        soraaya.io/role: server
      annotations:
        # A changed setting rolls the pods (they read their environment once, at start).
        checksum/config: {{ toYaml $env | sha256sum }}
    spec:
      serviceAccountName: {{ $fullname }}
      automountServiceAccountToken: false
      {{- with $g.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $g.podSecurityContext | nindent 8 }}
      topologySpreadConstraints:
        - maxSkew: 1
          topologyKey: kubernetes.io/hostname
          whenUnsatisfiable: ScheduleAnyway
          labelSelector:
            matchLabels:
              {{- include "soraaya.selectorLabels" . | nindent 14 }}
              soraaya.io/role: server
      containers:
        - name: {{ $name }}
          image: {{ include "soraaya.image" . }}
          imagePullPolicy: {{ $g.image.pullPolicy }}
          ports:
            {{- range $pname, $p := $svc.ports }}
            - name: {{ $pname }}
              containerPort: {{ $p.port }}
              protocol: TCP
            {{- end }}
          envFrom:
            - configMapRef:
                name: {{ $fullname }}
          env:
            {{- include "soraaya.secretEnv" . | trim | nindent 12 }}
          {{- with $svc.probes.startup }}
          startupProbe:
            {{- include "soraaya.probe" (dict "probe" . "port" $svc.opsPort) | nindent 12 }}
          {{- end }}
          livenessProbe:
            {{- include "soraaya.probe" (dict "probe" $svc.probes.liveness "port" $svc.opsPort) | nindent 12 }}
          readinessProbe:
            {{- include "soraaya.probe" (dict "probe" $svc.probes.readiness "port" $svc.opsPort) | nindent 12 }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            {{- toYaml $g.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        # The root file system is read-only; /tmp is the one writable place.
        - name: tmp
          emptyDir:
            sizeLimit: {{ $svc.tmpSizeLimit | default "64Mi" }}
---
apiVersion: v1
kind: Service
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "soraaya.selectorLabels" . | nindent 4 }}
    soraaya.io/role: server
  ports:
    {{- range $pname, $p := $svc.ports }}
    - name: {{ $pname }}
      port: {{ $p.port }}
      targetPort: {{ $pname }}
      protocol: TCP
    {{- end }}
{{- if $svc.hpa.enabled }}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $fullname }}
  minReplicas: {{ $svc.hpa.minReplicas }}
  maxReplicas: {{ $svc.hpa.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $svc.hpa.targetCPUUtilizationPercentage }}
{{- end }}
{{- if $svc.pdb.enabled }}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
spec:
  {{- if hasKey $svc.pdb "minAvailable" }}
  minAvailable: {{ $svc.pdb.minAvailable }}
  {{- else }}
  maxUnavailable: {{ $svc.pdb.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "soraaya.selectorLabels" . | nindent 6 }}
      soraaya.io/role: server
{{- end }}
{{- if and $np.enabled $svc.networkPolicy.enabled }}
---
# Only what the service needs: DNS, NATS, Postgres, Redis, providers' HTTPS where it calls
# them, linked services; in: Prometheus on the ops port, the ingress controller on the
# gateway's HTTP port, linked callers. The migration Job's pods are selected too.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "soraaya.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    - from:
        {{- toYaml $np.prometheus | nindent 8 }}
      ports:
        - port: {{ $svc.opsPort }}
          protocol: TCP
    {{- if $svc.networkPolicy.ingressController }}
    - from:
        {{- toYaml $np.ingressController | nindent 8 }}
      ports:
        - port: http
          protocol: TCP
    {{- end }}
    {{- range $other := $root.Values.services }}
    {{- $o := index $root.Values $other }}
    {{- if and $o $o.enabled }}
    {{- range $var, $link := $o.serviceLinks }}
    {{- if eq $link.service $name }}
    # {{ $other }} calls this service ({{ $var }})
    - from:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: soraaya
              app.kubernetes.io/instance: {{ $instance }}
              app.kubernetes.io/component: {{ $other }}
      ports:
        - port: {{ $link.port }}
          protocol: TCP
    {{- end }}
    {{- end }}
    {{- end }}
    {{- end }}
  egress:
    - to:
        {{- toYaml $np.dns | nindent 8 }}
      ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- if $svc.networkPolicy.nats }}
    - ports:
        - port: {{ $np.nats.port }}
          protocol: TCP
      {{- if $root.Values.nats.enabled }}
      to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: nats
              app.kubernetes.io/instance: {{ $instance }}
      {{- else if $np.nats.to }}
      to:
        {{- toYaml $np.nats.to | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- if $svc.networkPolicy.postgres }}
    - ports:
        - port: {{ $np.postgres.port }}
          protocol: TCP
      {{- if $root.Values.postgresql.enabled }}
      to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: postgresql
              app.kubernetes.io/instance: {{ $instance }}
      {{- else if $np.postgres.to }}
      to:
        {{- toYaml $np.postgres.to | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- if $svc.networkPolicy.redis }}
    - ports:
        - port: {{ $np.redis.port }}
          protocol: TCP
      {{- if $root.Values.redis.enabled }}
      to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: redis
              app.kubernetes.io/instance: {{ $instance }}
      {{- else if $np.redis.to }}
      to:
        {{- toYaml $np.redis.to | nindent 8 }}
      {{- end }}
    {{- end }}
    {{- if $svc.networkPolicy.providers }}
    - ports:
        - port: {{ $np.providers.port }}
          protocol: TCP
      to:
        {{- toYaml $np.providers.to | nindent 8 }}
    {{- end }}
    {{- range $var, $link := $svc.serviceLinks }}
    # {{ $var }}
    - to:
        - podSelector:
            matchLabels:
              app.kubernetes.io/name: soraaya
              app.kubernetes.io/instance: {{ $instance }}
              app.kubernetes.io/component: {{ $link.service }}
      ports:
        - port: {{ (index (index $root.Values $link.service).ports $link.port).port }}
          protocol: TCP
    {{- end }}
    {{- with $svc.networkPolicy.extraEgress }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end }}
{{- if $root.Values.metrics.serviceMonitor.enabled }}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ $fullname }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
    {{- with $root.Values.metrics.serviceMonitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "soraaya.selectorLabels" . | nindent 6 }}
  endpoints:
    - port: {{ $svc.opsPort }}
      path: /metrics
      # The services label their series service="<name>" themselves (prom-client default
      # labels); without this Prometheus would rename it exported_service. Alerts and
      # dashboards in deploy/ select on service="<name>".
      honorLabels: true
      interval: {{ $root.Values.metrics.serviceMonitor.interval }}
      scrapeTimeout: {{ $root.Values.metrics.serviceMonitor.scrapeTimeout }}
{{- end }}
{{- if $svc.migrations.enabled }}
{{- $jobEnv := dict -}}
{{- range $k, $v := $env }}{{ $_ := set $jobEnv $k $v }}{{ end -}}
{{- range $k, $v := $svc.migrations.env }}{{ $_ := set $jobEnv $k $v }}{{ end -}}
{{- /* The migrate command applies them regardless; this is for a migrations.command that starts the service. */ -}}
{{- $_ := set $jobEnv "RUN_MIGRATIONS" "true" }}
---
# Applies this service's pending migrations before the new pods start (see
# global.migrations.hook for when it runs). Its env is inline: on pre-install the
# ConfigMap does not exist yet.
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ printf "%s-migrate" $fullname | trunc 63 | trimSuffix "-" }}
  labels:
    {{- include "soraaya.labels" . | nindent 4 }}
    soraaya.io/role: migrate
  annotations:
    helm.sh/hook: {{ include "soraaya.migrationHook" $root }}
    helm.sh/hook-weight: "0"
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ $svc.migrations.backoffLimit }}
  activeDeadlineSeconds: {{ $svc.migrations.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "soraaya.selectorLabels" . | nindent 8 }}
        soraaya.io/role: migrate
    spec:
      restartPolicy: Never
      automountServiceAccountToken: false
      {{- with $g.image.pullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $g.podSecurityContext | nindent 8 }}
      containers:
        - name: migrate
          image: {{ include "soraaya.image" . }}
          imagePullPolicy: {{ $g.image.pullPolicy }}
          command:
            {{- if $svc.migrations.command }}
            {{- toYaml $svc.migrations.command | nindent 12 }}
            {{- else }}
            # The service's migrate-only command: config, one Postgres connection, the pending
            # migrations, exit. No NATS, Redis, consumers or ports.
            - node
            - {{ printf "dist/%s/main.js" $name }}
            - migrate
            {{- end }}
          env:
            {{- range $k, $v := $jobEnv }}
            {{- if ne (toString $v) "" }}
            - name: {{ $k }}
              value: {{ $v | toString | quote }}
            {{- end }}
            {{- end }}
            {{- include "soraaya.secretEnv" . | trim | nindent 12 }}
          resources:
            {{- toYaml $svc.resources | nindent 12 }}
          securityContext:
            {{- toYaml $g.containerSecurityContext | nindent 12 }}
          volumeMounts:
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: {{ $svc.tmpSizeLimit | default "64Mi" }}
{{- end }}
{{- end }}
{{- end }}
