import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { CRD_SCHEMAS } from './crd-schemas.js';
import { unknownFieldErrors } from './check-unknown-fields.js';
import { K8S_DIR, OVERLAYS, renderOverlay, type K8sObject } from './render-overlay.js';
import { validateWithModels } from './validate-with-models.js';

/** The slice of the pod API these rules read (objects have passed schema validation first). */
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string } };
}
interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { sleep?: { seconds: number } } };
  securityContext?: {
    runAsNonRoot?: boolean;
    readOnlyRootFilesystem?: boolean;
    allowPrivilegeEscalation?: boolean;
    capabilities?: { drop?: string[] };
  };
}
interface PodSpec {
  containers: Container[];
  initContainers?: Container[];
  terminationGracePeriodSeconds?: number;
  restartPolicy?: string;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number; seccompProfile?: { type: string } };
  volumes?: { name: string; secret?: { secretName: string } }[];
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: PodSpec;
}
type Selector = { matchLabels?: Record<string, string> };
interface PolicyPeer {
  podSelector?: Selector;
  namespaceSelector?: Selector;
}
interface NetworkPolicySpec {
  podSelector: Selector;
  policyTypes?: string[];
  ingress?: { from?: PolicyPeer[]; ports?: { port: number | string }[] }[];
}

const BARMAN_PLUGIN = 'barman-cloud.cloudnative-pg.io';
const SERVER = 'renda-server';
const DB_CLUSTER = 'renda-db';
const CITUS_WORKER_LABELS = { 'app.kubernetes.io/component': 'citus-worker' };

const find = (objects: K8sObject[], kind: string, name?: string) =>
  objects.filter((o) => o.kind === kind && (name === undefined || o.metadata.name === name));
const one = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = find(objects, kind, name);
  if (found.length !== 1) throw new Error(`expected one ${kind}/${name}, found ${found.length}`);
  return found[0]!;
};
const spec = <T>(object: K8sObject) => object['spec'] as T;
const podTemplate = (object: K8sObject): PodTemplate | null => {
  if (object.kind === 'Deployment' || object.kind === 'StatefulSet' || object.kind === 'DaemonSet')
    return spec<{ template: PodTemplate }>(object).template;
  if (object.kind === 'Job') return spec<{ template: PodTemplate }>(object).template;
  if (object.kind === 'CronJob')
    return spec<{ jobTemplate: { spec: { template: PodTemplate } } }>(object).jobTemplate.spec.template;
  return null;
};
const workloads = (objects: K8sObject[]) =>
  objects.flatMap((o) => {
    const template = podTemplate(o);
    return template ? [{ object: o, template }] : [];
  });
const matches = (selector: Selector | undefined, labels: Record<string, string>) =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);

/** Every Secret name the objects reference, by any path (env, envFrom, volumes, TLS, operator fields). */
function referencedSecrets(objects: K8sObject[]): Set<string> {
  const names = new Set<string>();
  const walk = (value: unknown, key: string) => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (['secretKeyRef', 'secretRef', 'passwordSecret', 'secret'].includes(key) && typeof record['name'] === 'string')
        names.add(record['name']);
      if (key === 'accessKeyId' || key === 'secretAccessKey') names.add(String(record['name']));
      for (const [k, v] of Object.entries(record)) walk(v, k);
    }
    if (key === 'secretName' && typeof value === 'string') names.add(value);
  };
  objects.forEach((o) => walk(o, ''));
  return names;
}

/** The server's settings (the ConfigMap generated as renda-server-config-<hash>). */
const serverConfig = (objects: K8sObject[]) =>
  objects.find((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('renda-server-config'))!['data'] as Record<
    string,
    string
  >;

const rendered = new Map<string, K8sObject[]>();
beforeAll(() => {
  for (const overlay of OVERLAYS) rendered.set(overlay, renderOverlay(overlay));
});

describe.each(OVERLAYS)('overlays/%s', (overlay) => {
  const objects = () => rendered.get(overlay)!;

  it('renders, and every object is valid against its schema: Kubernetes OpenAPI or the operator’s CRD', async () => {
    expect(objects().length).toBeGreaterThan(10);
    const ajv = new Ajv({ allErrors: true, strict: false });
    const failures: string[] = [];
    for (const object of objects()) {
      const crd = CRD_SCHEMAS[`${object.apiVersion} ${object.kind}`];
      if (crd) {
        const label = `${object.kind}/${object.metadata.name}`;
        const validate = ajv.compile(crd);
        if (!validate(object)) failures.push(`${label}: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
      } else {
        await validateWithModels(object).catch((error: Error) => failures.push(error.message));
      }
    }
    expect(failures).toEqual([]);
  });

  it('names no field the Kubernetes API does not know (strict, like kubeconform -strict)', () => {
    const builtIn = objects().filter((o) => !CRD_SCHEMAS[`${o.apiVersion} ${o.kind}`]);
    expect(unknownFieldErrors(builtIn)).toEqual([]);
  });

  it('puts every namespaced object in the overlay’s namespace', () => {
    const namespace = one(objects(), 'Namespace', overlay === 'dev' ? 'renda-dev' : 'renda').metadata.name;
    for (const object of objects().filter((o) => o.kind !== 'Namespace'))
      expect([object.kind, object.metadata.name, object.metadata.namespace]).toEqual([
        object.kind,
        object.metadata.name,
        namespace,
      ]);
    // Every pod of the namespace must meet the restricted Pod Security Standard.
    expect(one(objects(), 'Namespace', namespace).metadata.labels?.['pod-security.kubernetes.io/enforce']).toBe(
      'restricted',
    );
  });

  it('pins every image to a version: no :latest, no untagged image', () => {
    const images = workloads(objects()).flatMap(({ template }) =>
      [...template.spec.containers, ...(template.spec.initContainers ?? [])].map((c) => c.image),
    );
    images.push(...find(objects(), 'Cluster').map((c) => spec<{ imageName: string }>(c).imageName));
    expect(images.length).toBeGreaterThanOrEqual(3);
    for (const image of images) {
      expect(image).toMatch(/^[^\s@]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})$/);
      expect(image).not.toMatch(/:latest$/);
    }
  });

  it('gives every container CPU and memory requests and limits, and runs it non-root on a read-only root', () => {
    for (const { object, template } of workloads(objects())) {
      const pod = template.spec;
      expect([object.metadata.name, pod.securityContext?.runAsNonRoot]).toEqual([object.metadata.name, true]);
      expect(pod.securityContext?.runAsUser).toBeGreaterThan(0);
      expect(pod.securityContext?.seccompProfile?.type).toBe('RuntimeDefault');
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        const label = `${object.kind}/${object.metadata.name}/${container.name}`;
        for (const kind of ['requests', 'limits'] as const)
          for (const resource of ['cpu', 'memory'])
            expect([label, kind, resource, container.resources?.[kind]?.[resource] !== undefined]).toEqual([
              label,
              kind,
              resource,
              true,
            ]);
        expect([label, container.securityContext]).toMatchObject([
          label,
          { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
        ]);
      }
    }
  });

  it('runs the server with probes, a preStop delay shorter than the grace period, and at least two replicas', () => {
    const deployment = one(objects(), 'Deployment', SERVER);
    const template = podTemplate(deployment)!;
    const server = template.spec.containers.find((c) => c.name === 'server')!;
    const ports = new Set(server.ports?.map((p) => p.name));
    expect(server.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(server.livenessProbe?.httpGet?.path).toBe('/livez');
    for (const probe of [server.readinessProbe, server.livenessProbe, server.startupProbe])
      expect(ports.has(String(probe?.httpGet?.port))).toBe(true);
    const preStop = server.lifecycle?.preStop?.sleep?.seconds ?? 0;
    expect(preStop).toBeGreaterThan(0);
    expect(preStop).toBeLessThan(template.spec.terminationGracePeriodSeconds ?? 30);

    // The autoscaler owns the replica count and never goes below two; the Deployment leaves it alone.
    expect(spec<{ replicas?: number }>(deployment).replicas).toBeUndefined();
    const hpa = spec<{ scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number }>(
      one(objects(), 'HorizontalPodAutoscaler', SERVER),
    );
    expect(hpa.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: SERVER });
    expect(hpa.minReplicas).toBeGreaterThanOrEqual(2);
    expect(hpa.maxReplicas).toBeGreaterThan(hpa.minReplicas);
    const pdb = spec<{ selector: Selector; maxUnavailable?: number }>(one(objects(), 'PodDisruptionBudget', SERVER));
    expect(matches(pdb.selector, template.metadata.labels)).toBe(true);
    expect(pdb.maxUnavailable).toBeLessThan(hpa.minReplicas);
  });

  it('routes Ingress → Service → server pods by names and labels that exist', () => {
    const service = spec<{ selector: Record<string, string>; ports: { name: string }[] }>(
      one(objects(), 'Service', SERVER),
    );
    expect(
      matches({ matchLabels: service.selector }, podTemplate(one(objects(), 'Deployment', SERVER))!.metadata.labels),
    ).toBe(true);
    const ingress = spec<{
      tls: { secretName: string }[];
      rules: { http: { paths: { backend: { service: { name: string; port: { name: string } } } }[] } }[];
    }>(one(objects(), 'Ingress', SERVER));
    expect(ingress.tls.length).toBeGreaterThan(0);
    for (const path of ingress.rules.flatMap((r) => r.http.paths)) {
      expect(path.backend.service.name).toBe(SERVER);
      expect(service.ports.map((p) => p.name)).toContain(path.backend.service.port.name);
    }
    // ConfigMaps referenced by the pods exist (kustomize renamed them with a content hash).
    const configMaps = new Set(find(objects(), 'ConfigMap').map((c) => c.metadata.name));
    for (const { template } of workloads(objects()))
      for (const c of template.spec.containers)
        for (const from of c.envFrom ?? [])
          if (from.configMapRef) expect(configMaps.has(from.configMapRef.name)).toBe(true);
  });

  it('inlines no secret: no Secret objects, no credential in a plain value, every Secret referenced is documented', () => {
    expect(find(objects(), 'Secret')).toEqual([]);
    for (const { object, template } of workloads(objects())) {
      for (const env of template.spec.containers.flatMap((c) => c.env ?? [])) {
        const label = `${object.metadata.name}: ${env.name}`;
        if (/PASSWORD|SECRET|TOKEN|KEY/i.test(env.name))
          expect([label, env.valueFrom?.secretKeyRef]).toEqual([label, expect.anything()]);
        // A URL may carry credentials only as a reference the kubelet expands from a secret-backed variable.
        const credential = /:\/\/[^:/@\s]+:([^@\s]+)@/.exec(env.value ?? '');
        if (credential) expect([label, credential[1]]).toEqual([label, expect.stringMatching(/^\$\([A-Z0-9_]+\)$/)]);
      }
    }
    const readme = readFileSync(join(K8S_DIR, 'README.md'), 'utf8');
    const secrets = referencedSecrets(objects());
    expect(secrets.size).toBeGreaterThanOrEqual(5);
    for (const name of secrets) expect([name, readme.includes(name)]).toEqual([name, true]);
  });

  it('lets only the server and its migration job reach the database, behind a default deny', () => {
    const policies = find(objects(), 'NetworkPolicy').map((p) => spec<NetworkPolicySpec>(p));
    expect(policies.some((p) => Object.keys(p.podSelector.matchLabels ?? {}).length === 0 && !p.ingress)).toBe(true);
    const dbLabels = { 'cnpg.io/cluster': DB_CLUSTER };
    // Policies with an empty pod selector apply to the database pods too.
    const dbPolicies = policies.filter((p) => matches(p.podSelector, dbLabels));
    expect(dbPolicies.length).toBeGreaterThan(0);
    // Which workloads of this namespace may open PostgreSQL's port on the database pods?
    const reachesDb = (labels: Record<string, string>) =>
      dbPolicies.some((p) =>
        (p.ingress ?? []).some(
          (rule) =>
            (rule.ports ?? []).some((port) => Number(port.port) === 5432) &&
            (rule.from ?? []).some((peer) => !peer.namespaceSelector && matches(peer.podSelector, labels)),
        ),
      );
    const allowed = workloads(objects())
      .filter(({ template }) => reachesDb(template.metadata.labels))
      .map(({ object }) => object.metadata.name)
      .sort();
    expect(allowed).toEqual(['renda-migrate', SERVER]);
    // Every peer a rule lets reach 5432 is one of these: no rule opens it to any other pod or namespace.
    const allowedPeers = [
      JSON.stringify({ podSelector: { matchLabels: { 'app.kubernetes.io/name': SERVER } } }),
      JSON.stringify({ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'renda-migrate' } } }),
      // the cluster's own instances (replication) and the operator managing them
      JSON.stringify({ podSelector: { matchLabels: dbLabels } }),
      JSON.stringify({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'cnpg-system' } } }),
      // overlays/citus: the worker groups write reference-table copies on the coordinator
      ...(overlay === 'citus' ? [JSON.stringify({ podSelector: { matchLabels: CITUS_WORKER_LABELS } })] : []),
    ];
    for (const rule of dbPolicies.flatMap((p) => p.ingress ?? []))
      if (!rule.ports || rule.ports.some((port) => Number(port.port) === 5432))
        for (const peer of rule.from ?? [{}]) expect(allowedPeers).toContain(JSON.stringify(peer));
  });

  it('migrates in a Job run before the rollout', () => {
    const job = one(objects(), 'Job', 'renda-migrate');
    expect(job.metadata.annotations?.['argocd.argoproj.io/hook']).toBe('PreSync');
    const template = podTemplate(job)!;
    expect(template.spec.restartPolicy).toBe('Never');
    const env = template.spec.containers[0]!.env ?? [];
    expect(env.map((e) => e.name)).toContain('MIGRATION_DATABASE_URL');
    // The server itself does not migrate: it serves as the unprivileged role only.
    const config = serverConfig(objects());
    expect(config['RENDA_MIGRATE_ON_START']).toBe('false');
    const serverEnv = podTemplate(one(objects(), 'Deployment', SERVER))!.spec.containers[0]!.env ?? [];
    expect(serverEnv.map((e) => e.name)).not.toContain('MIGRATION_DATABASE_URL');
    expect(serverEnv.find((e) => e.name === 'DATABASE_REPLICA_URLS')?.value).toContain(`@${DB_CLUSTER}-ro:`);
    expect(serverEnv.find((e) => e.name === 'DATABASE_URL')?.value).toContain(`@${DB_CLUSTER}-rw:`);
  });

  it('trusts X-Forwarded-For only from the pod network, which the API admits only the ingress from', () => {
    const config = serverConfig(objects());
    const proxies = (config['RENDA_TRUSTED_PROXIES'] ?? '').split(',');
    expect(proxies.length).toBeGreaterThan(0);
    for (const proxy of proxies) expect(proxy).toMatch(/^(10|172\.(1[6-9]|2\d|3[01])|192\.168)\.[\d.]+\/\d{1,2}$/);
  });

  it('runs PostgreSQL as a CloudNativePG cluster of one primary and two replicas with the roles the server expects', () => {
    const cluster = spec<{
      instances: number;
      managed: { roles: { name: string; bypassrls?: boolean; superuser?: boolean }[] };
    }>(one(objects(), 'Cluster', DB_CLUSTER));
    expect(cluster.instances).toBe(3);
    const roles = new Map(cluster.managed.roles.map((r) => [r.name, r]));
    expect([...roles.keys()].sort()).toEqual(['renda_analyst', 'renda_app', 'renda_owner']);
    expect(roles.get('renda_app')).toMatchObject({ bypassrls: false, superuser: false });
  });
});

describe('backups and restore', () => {
  it('backs production up on a schedule to the object store it archives WAL to', () => {
    const objects = rendered.get('prod')!;
    const cluster = spec<{ plugins: { name: string; isWALArchiver?: boolean; parameters: Record<string, string> }[] }>(
      one(objects, 'Cluster', DB_CLUSTER),
    );
    const plugin = cluster.plugins.find((p) => p.name === BARMAN_PLUGIN)!;
    expect(plugin.isWALArchiver).toBe(true);
    one(objects, 'ObjectStore', plugin.parameters['barmanObjectName']!);
    const schedules = find(objects, 'ScheduledBackup').map((s) =>
      spec<{ cluster: { name: string }; method: string; pluginConfiguration: { name: string } }>(s),
    );
    expect(schedules).toEqual([
      expect.objectContaining({
        cluster: { name: DB_CLUSTER },
        method: 'plugin',
        pluginConfiguration: { name: BARMAN_PLUGIN },
      }),
    ]);
  });

  it('restores from that object store into a new archive, never the old cluster’s', () => {
    const cluster = spec<{
      bootstrap: { initdb?: unknown; recovery?: { source: string } };
      externalClusters: { name: string; plugin: { parameters: Record<string, string> } }[];
      plugins: { parameters: Record<string, string> }[];
    }>(one(rendered.get('prod-restore')!, 'Cluster', DB_CLUSTER));
    expect(cluster.bootstrap.initdb).toBeUndefined();
    const source = cluster.externalClusters.find((c) => c.name === cluster.bootstrap.recovery?.source)!;
    const prodStore = spec<{ plugins: { parameters: Record<string, string> }[] }>(
      one(rendered.get('prod')!, 'Cluster', DB_CLUSTER),
    ).plugins[0]!.parameters;
    expect(source.plugin.parameters).toMatchObject({
      barmanObjectName: prodStore['barmanObjectName'],
      serverName: DB_CLUSTER,
    });
    expect(cluster.plugins[0]!.parameters['serverName']).not.toBe(DB_CLUSTER);
  });

  it('documents install, upgrade, backup, restore and sizing in k8s/README.md, and sharding in SCALING.md', () => {
    const readme = readFileSync(join(K8S_DIR, 'README.md'), 'utf8');
    for (const heading of ['## Install', '## Upgrade', '## Backup', '## Restore', '## Sizing'])
      expect(readme).toContain(heading);
    const scaling = readFileSync(join(K8S_DIR, 'SCALING.md'), 'utf8');
    expect(scaling).toMatch(/Citus/);
    expect(scaling).toMatch(/county_id/);
  });
});

describe('overlays/citus: Renda distributed by county (issue #20)', () => {
  const objects = () => rendered.get('citus')!;
  interface CitusClusterSpec {
    imageName: string;
    postgresql: { shared_preload_libraries?: string[]; parameters?: Record<string, string> };
    managed: { roles: { name: string; login?: boolean; passwordSecret?: { name: string } }[] };
  }
  const clusters = () =>
    find(objects(), 'Cluster').map((c) => ({ name: c.metadata.name, spec: spec<CitusClusterSpec>(c) }));
  const workerNames = () =>
    clusters()
      .map((c) => c.name)
      .filter((name) => name !== DB_CLUSTER)
      .sort();

  it('runs the coordinator and at least two worker groups on one pinned Citus image, citus preloaded', () => {
    expect(workerNames().length).toBeGreaterThanOrEqual(2);
    const images = new Set(clusters().map((c) => c.spec.imageName));
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/postgres-citus:15\.\d+-citus-12\.1\.\d+$/);
    for (const { spec: cluster } of clusters()) {
      expect(cluster.postgresql.shared_preload_libraries).toContain('citus');
      expect(Number(cluster.postgresql.parameters?.['max_prepared_transactions'])).toBeGreaterThan(0);
    }
  });

  it('gives the workers the coordinator’s roles and passwords; renda_analyst logs in on the workers only', () => {
    const rolesOf = (name: string) =>
      new Map(
        clusters()
          .find((c) => c.name === name)!
          .spec.managed.roles.map((r) => [r.name, r]),
      );
    const coordinator = rolesOf(DB_CLUSTER);
    expect(coordinator.get('renda_analyst')?.login).toBe(false);
    for (const worker of workerNames()) {
      const roles = rolesOf(worker);
      expect([...roles.keys()].sort()).toEqual([...coordinator.keys()].sort());
      for (const role of ['renda_owner', 'renda_app'])
        expect(roles.get(role)?.passwordSecret).toEqual(coordinator.get(role)?.passwordSecret);
      expect(roles.get('renda_analyst')).toMatchObject({ login: true, passwordSecret: { name: 'renda-db-analyst' } });
    }
  });

  it('registers exactly the worker groups it runs, in the migration Job before the migration', () => {
    const job = podTemplate(one(objects(), 'Job', 'renda-migrate'))!;
    const register = job.spec.initContainers?.find((c) => c.name === 'citus-register');
    expect(register).toBeDefined();
    const script = readFileSync(join(K8S_DIR, 'overlays', 'citus', 'register-workers.sh'), 'utf8');
    const listed = /^WORKERS="([^"]*)"/m.exec(script)![1]!.split(/\s+/).sort();
    expect(listed).toEqual(workerNames());
    // The script the Job mounts is this file, generated into a ConfigMap.
    const configMap = find(objects(), 'ConfigMap').find((c) => c.metadata.name.startsWith('renda-citus-register'))!;
    expect((configMap['data'] as Record<string, string>)['register-workers.sh']).toBe(script);
  });

  it('lets no server pod reach a worker: requests go through the coordinator', () => {
    const workerPolicies = find(objects(), 'NetworkPolicy')
      .map((p) => spec<NetworkPolicySpec>(p))
      .filter((p) => matches(p.podSelector, CITUS_WORKER_LABELS));
    expect(workerPolicies.length).toBeGreaterThan(0);
    const peers = workerPolicies.flatMap((p) => (p.ingress ?? []).flatMap((rule) => rule.from ?? [{}]));
    expect(peers).not.toContainEqual({});
    for (const peer of peers)
      expect(matches(peer.podSelector, { 'app.kubernetes.io/name': SERVER }) && !peer.namespaceSelector).toBe(false);
  });
});
