import { badInput, defineError } from '../common/errors/define-error.js';

/** Refusals of the `renda` command (operators'), printed in Chinese and English with their reason. */
export const cliErrors = {
  userNotFound: defineError('CLI_USER_NOT_FOUND', (login: string) => ({
    code: 'NOT_FOUND',
    messageZh: `找不到启用的用户：${login}`,
    messageEn: `No active user: ${login}`,
    field: ['--as'],
  })),
  userRoleNotAllowed: defineError(
    'CLI_USER_ROLE_NOT_ALLOWED',
    (login: string, role: string, roles: readonly string[]) => ({
      code: 'FORBIDDEN',
      messageZh: `用户 ${login}（${role}）不能执行此命令：须为 ${roles.join('、')}`,
      messageEn: `User ${login} (${role}) may not do this: it takes ${roles.join(' or ')}`,
      field: ['--as'],
      details: { role, allowed: roles },
    }),
  ),
  townshipRequired: defineError('CLI_TOWNSHIP_REQUIRED', () =>
    badInput(['--township'], '县级用户须用 --township 指定乡镇', 'A county user names the township with --township'),
  ),
  townshipNotFound: defineError('CLI_TOWNSHIP_NOT_FOUND', (reference: string) => ({
    code: 'NOT_FOUND',
    messageZh: `本县找不到乡镇：${reference}`,
    messageEn: `No such township in the county: ${reference}`,
    field: ['--township'],
  })),
  termTaken: defineError('CLI_TERM_TAKEN', (name: string) => ({
    code: 'CONFLICT',
    messageZh: `该乡镇已有届次：${name}`,
    messageEn: `The township already has the term ${name}`,
    field: ['--name'],
  })),
  invalidDate: defineError('CLI_INVALID_DATE', (option: string, value: string) =>
    badInput([option], `日期无效（应为 YYYY-MM-DD）：${value}`, `Invalid date (YYYY-MM-DD expected): ${value}`),
  ),
  fileUnreadable: defineError('CLI_FILE_UNREADABLE', (path: string) =>
    badInput(['file'], `无法读取文件：${path}`, `Cannot read the file: ${path}`),
  ),
  noSessions: defineError('CLI_NO_SESSIONS', () => ({
    code: 'FORBIDDEN',
    messageZh: '命令行不签发或校验登录令牌',
    messageEn: 'The command line issues and checks no sign-in tokens',
  })),
  ownerRoleRequired: defineError('CLI_OWNER_ROLE_REQUIRED', (role: string) => ({
    code: 'FORBIDDEN',
    messageZh: `数据库角色 ${role} 无权执行此命令：请将 MIGRATION_DATABASE_URL 设为所有者角色（renda_owner，BYPASSRLS）的连接串`,
    messageEn: `The database role ${role} may not do this: set MIGRATION_DATABASE_URL to the owner role (renda_owner, BYPASSRLS)`,
    details: { role, needs: 'MIGRATION_DATABASE_URL' },
  })),
  migrationsPending: defineError('CLI_MIGRATIONS_PENDING', (pending: string[]) => ({
    code: 'CONFLICT',
    messageZh: `数据库尚有 ${pending.length} 个迁移未执行：请先运行 renda migrate`,
    messageEn: `The database has ${pending.length} pending migrations: run renda migrate first`,
    details: { pending },
  })),
  countyNotFound: defineError('CLI_COUNTY_NOT_FOUND', (reference: string) => ({
    code: 'NOT_FOUND',
    messageZh: `找不到县：${reference}`,
    messageEn: `No such county: ${reference}`,
    field: ['--county'],
  })),
  countyAmbiguous: defineError('CLI_COUNTY_AMBIGUOUS', (name: string, ids: string[]) => ({
    code: 'CONFLICT',
    messageZh: `有多个县名为"${name}"：请用 ID 指定`,
    messageEn: `Several counties are named "${name}": give the id`,
    field: ['--county'],
    details: { ids },
  })),
  countyCodeTaken: defineError('CLI_COUNTY_CODE_TAKEN', (code: string) => ({
    code: 'CONFLICT',
    messageZh: `县代码已被使用：${code}`,
    messageEn: `County code already taken: ${code}`,
    field: ['--code'],
  })),
  countyNameTaken: defineError('CLI_COUNTY_NAME_TAKEN', (name: string) => ({
    code: 'CONFLICT',
    messageZh: `已有同名的县：${name}`,
    messageEn: `A county of that name exists already: ${name}`,
    field: ['--name'],
  })),
  townshipTaken: defineError('CLI_TOWNSHIP_TAKEN', (what: string) => ({
    code: 'CONFLICT',
    messageZh: `该县已有此乡镇（名称或代码相同）：${what}`,
    messageEn: `The county has this township already (same name or code): ${what}`,
    field: ['--name'],
  })),
  invalidText: defineError('CLI_INVALID_TEXT', (option: string, max: number) =>
    badInput([option], `${option} 须为 1–${max} 个字符的单行文本`, `${option} must be one line of 1–${max} characters`),
  ),
  invalidLogin: defineError('CLI_INVALID_LOGIN', () =>
    badInput(
      ['--username'],
      '用户名须为 3–80 个小写字母、数字或 . _ -，以字母或数字开头',
      'The username must be 3–80 lower-case letters, digits, . _ -, starting with a letter or digit',
    ),
  ),
  invalidBaseUrl: defineError('CLI_INVALID_BASE_URL', (url: string) =>
    badInput(['--base-url'], `不是 http(s) 地址：${url}`, `Not an http(s) URL: ${url}`),
  ),
  loginTaken: defineError('CLI_LOGIN_TAKEN', (login: string) => ({
    code: 'CONFLICT',
    messageZh: `用户名已被其他县或其他角色使用：${login}`,
    messageEn: `The username belongs to another county or role: ${login}`,
    field: ['--username'],
  })),
  pgToolMissing: defineError('CLI_PG_TOOL_MISSING', (tool: string) => ({
    code: 'UNAVAILABLE',
    messageZh: `找不到 ${tool}：请安装 PostgreSQL 客户端，或将 RENDA_PG_BIN 设为其所在目录`,
    messageEn: `${tool} not found: install the PostgreSQL client tools or set RENDA_PG_BIN to their folder`,
    details: { tool },
  })),
  pgToolTooOld: defineError('CLI_PG_TOOL_TOO_OLD', (tool: string, toolMajor: number, serverMajor: number) => ({
    code: 'UNAVAILABLE',
    messageZh: `${tool} 版本 ${toolMajor} 低于数据库版本 ${serverMajor}：请安装 PostgreSQL ${serverMajor} 或更新的客户端，或设置 RENDA_PG_BIN`,
    messageEn: `${tool} ${toolMajor} is older than the server (${serverMajor}): install the PostgreSQL ${serverMajor}+ client tools or set RENDA_PG_BIN`,
    details: { tool, toolMajor, serverMajor },
  })),
  pgToolFailed: defineError('CLI_PG_TOOL_FAILED', (tool: string, stderr: string) => ({
    code: 'INTERNAL_SERVER_ERROR',
    messageZh: `${tool} 执行失败：${stderr}`,
    messageEn: `${tool} failed: ${stderr}`,
    details: { tool },
  })),
  backupTargetNotEmpty: defineError('CLI_BACKUP_TARGET_NOT_EMPTY', (dir: string) => ({
    code: 'CONFLICT',
    messageZh: `备份目录非空：${dir}（请指定新的或空的目录，以免覆盖旧备份）`,
    messageEn: `The backup folder is not empty: ${dir} (name a new or empty folder, so no backup is overwritten)`,
    field: ['--out'],
  })),
  backupInvalid: defineError('CLI_BACKUP_INVALID', (dir: string, problem: string) => ({
    code: 'BAD_USER_INPUT',
    messageZh: `不是有效的备份：${dir}（${problem}）`,
    messageEn: `Not a valid backup: ${dir} (${problem})`,
    field: ['--from'],
    details: { problem },
  })),
  restoreTargetNotEmpty: defineError('CLI_RESTORE_TARGET_NOT_EMPTY', (tables: number) => ({
    code: 'CONFLICT',
    messageZh: `目标数据库不是空的（已有 ${tables} 张表）：只能恢复到空数据库`,
    messageEn: `The target database is not empty (${tables} tables): restore only into an empty database`,
    details: { tables },
  })),
  restoreMismatch: defineError('CLI_RESTORE_MISMATCH', (tables: string[]) => ({
    code: 'INTERNAL_SERVER_ERROR',
    messageZh: `恢复后的数据与备份清单不符：${tables.join('、')}`,
    messageEn: `The restored data differs from the backup's manifest: ${tables.join(', ')}`,
    details: { tables },
  })),
};
