/**
 * JSON Schemas for the operator resources these manifests use: CloudNativePG's Cluster and
 * ScheduledBackup (postgresql.cnpg.io/v1) and the Barman Cloud plugin's ObjectStore
 * (barmancloud.cnpg.io/v1). No npm package ships their CRDs, so these are transcribed from the
 * operators' API references for the fields used here: types and enums as the CRDs define them, and
 * `additionalProperties: false` wherever a field is listed, so a misspelt or invented field fails.
 * A field the manifests start using must be added here from the API reference first.
 */
type Schema = Record<string, unknown>;

const str: Schema = { type: 'string', minLength: 1 };
const bool: Schema = { type: 'boolean' };
const int = (minimum = 0): Schema => ({ type: 'integer', minimum });
const strict = (properties: Record<string, Schema>, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});
const stringMap: Schema = { type: 'object', additionalProperties: { type: 'string' } };
const localRef = strict({ name: str }, ['name']);
const secretKeyRef = strict({ name: str, key: str }, ['name', 'key']);
const quantity: Schema = { anyOf: [{ type: 'string', pattern: '^[0-9.]+([mkMGTPE]i?)?$' }, { type: 'number' }] };
const resources = strict({
  requests: strict({ cpu: quantity, memory: quantity }),
  limits: strict({ cpu: quantity, memory: quantity }),
});
const storage = strict({ size: { type: 'string', pattern: '^[0-9]+(Mi|Gi|Ti)$' }, storageClass: str }, ['size']);
const metadata = strict(
  {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 50 },
    namespace: str,
    labels: stringMap,
    annotations: stringMap,
  },
  ['name'],
);
const pluginParameters = stringMap;

const role = strict(
  {
    name: str,
    ensure: { enum: ['present', 'absent'] },
    comment: { type: 'string' },
    login: bool,
    superuser: bool,
    createdb: bool,
    createrole: bool,
    inherit: bool,
    replication: bool,
    bypassrls: bool,
    connectionLimit: int(-1),
    validUntil: str,
    inRoles: { type: 'array', items: str },
    passwordSecret: localRef,
    disablePassword: bool,
  },
  ['name'],
);

const clusterSpec = strict(
  {
    instances: int(1),
    imageName: { type: 'string', pattern: '^[^:@\\s]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})$' },
    primaryUpdateStrategy: { enum: ['unsupervised', 'supervised'] },
    primaryUpdateMethod: { enum: ['switchover', 'restart'] },
    bootstrap: strict({
      initdb: strict(
        { database: str, owner: str, secret: localRef, encoding: str, localeCollate: str, localeCType: str },
        ['database', 'owner'],
      ),
      recovery: strict(
        {
          source: str,
          database: str,
          owner: str,
          secret: localRef,
          recoveryTarget: strict({
            targetTime: str,
            targetLSN: str,
            targetXID: str,
            targetName: str,
            targetImmediate: bool,
            targetTLI: str,
            backupID: str,
            exclusive: bool,
          }),
        },
        ['source'],
      ),
    }),
    managed: strict({ roles: { type: 'array', items: role } }),
    // Citus (overlays/citus): the coordinator's and the workers' library, and the superuser whose
    // password the operator keeps in <cluster>-superuser, for registering the workers.
    enableSuperuserAccess: bool,
    inheritedMetadata: strict({ labels: stringMap, annotations: stringMap }),
    postgresql: strict({
      parameters: stringMap,
      shared_preload_libraries: { type: 'array', items: str },
      synchronous: strict(
        {
          method: { enum: ['any', 'first'] },
          number: int(1),
          dataDurability: { enum: ['required', 'preferred'] },
        },
        ['method', 'number'],
      ),
    }),
    affinity: strict({
      enablePodAntiAffinity: bool,
      topologyKey: str,
      podAntiAffinityType: { enum: ['preferred', 'required'] },
    }),
    storage,
    walStorage: storage,
    resources,
    plugins: {
      type: 'array',
      items: strict({ name: str, enabled: bool, isWALArchiver: bool, parameters: pluginParameters }, ['name']),
    },
    externalClusters: {
      type: 'array',
      items: strict({ name: str, plugin: strict({ name: str, parameters: pluginParameters }, ['name']) }, ['name']),
    },
  },
  ['instances', 'storage'],
);

const scheduledBackupSpec = strict(
  {
    // The operator's cron format has six fields: seconds first.
    schedule: { type: 'string', pattern: '^\\S+( \\S+){5}$' },
    immediate: bool,
    suspend: bool,
    backupOwnerReference: { enum: ['none', 'self', 'cluster'] },
    cluster: localRef,
    method: { enum: ['barmanObjectStore', 'volumeSnapshot', 'plugin'] },
    pluginConfiguration: strict({ name: str, parameters: pluginParameters }, ['name']),
    target: { enum: ['primary', 'prefer-standby'] },
    online: bool,
  },
  ['schedule', 'cluster'],
);

const compression = { enum: ['bzip2', 'gzip', 'lz4', 'snappy', 'xz', 'zstd'] };
const objectStoreSpec = strict(
  {
    retentionPolicy: { type: 'string', pattern: '^[1-9][0-9]*[dwm]$' },
    configuration: strict(
      {
        destinationPath: { type: 'string', pattern: '^(s3|gs|https?)://' },
        endpointURL: { type: 'string', pattern: '^https?://' },
        endpointCA: secretKeyRef,
        s3Credentials: strict({
          accessKeyId: secretKeyRef,
          secretAccessKey: secretKeyRef,
          region: secretKeyRef,
          sessionToken: secretKeyRef,
          inheritFromIAMRole: bool,
        }),
        wal: strict({ compression, maxParallel: int(1), encryption: { enum: ['AES256', 'aws:kms'] } }),
        data: strict({
          compression,
          jobs: int(1),
          immediateCheckpoint: bool,
          encryption: { enum: ['AES256', 'aws:kms'] },
        }),
      },
      ['destinationPath'],
    ),
  },
  ['configuration'],
);

const resource = (apiVersion: string, kind: string, spec: Schema): Schema =>
  strict({ apiVersion: { const: apiVersion }, kind: { const: kind }, metadata, spec }, [
    'apiVersion',
    'kind',
    'metadata',
    'spec',
  ]);

/** Schemas by `apiVersion kind`. */
export const CRD_SCHEMAS: Record<string, Schema> = {
  'postgresql.cnpg.io/v1 Cluster': resource('postgresql.cnpg.io/v1', 'Cluster', clusterSpec),
  'postgresql.cnpg.io/v1 ScheduledBackup': resource('postgresql.cnpg.io/v1', 'ScheduledBackup', scheduledBackupSpec),
  'barmancloud.cnpg.io/v1 ObjectStore': resource('barmancloud.cnpg.io/v1', 'ObjectStore', objectStoreSpec),
};
