import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { validate } from 'class-validator';
import { AppError, type FieldPath } from '../../common/errors/app-error.js';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { ActivityWriteService } from '../activity/activity-write.service.js';
import { RecordActivityInput } from '../activity/dto/record-activity.input.js';
import { ActivityParticipantInput } from '../activity/dto/activity-participant.input.js';
import { Attendance } from '../activity/attendance.enum.js';
import { DeputyGroupWriteService } from '../deputy-group/deputy-group-write.service.js';
import { CreateDeputyGroupInput } from '../deputy-group/dto/create-deputy-group.input.js';
import { DeputyWriteService } from '../deputy/deputy-write.service.js';
import { CreateDeputyInput } from '../deputy/dto/create-deputy.input.js';
import { StationWriteService } from '../station/station-write.service.js';
import { CreateStationInput } from '../station/dto/create-station.input.js';
import { VoterContactWriteService } from '../voter-contact/voter-contact-write.service.js';
import { RecordVoterContactInput } from '../voter-contact/dto/record-voter-contact.input.js';
import { SuggestionWriteService } from '../suggestion/suggestion-write.service.js';
import { RecordSuggestionInput } from '../suggestion/dto/record-suggestion.input.js';
import { QuarterlyReportSubmissionService } from '../quarterly-report/quarterly-report-submission.service.js';
import { SubmitQuarterlyReportInput } from '../quarterly-report/dto/submit-quarterly-report.input.js';
import { ReportValueInput } from '../quarterly-report/dto/report-value.input.js';
import { ReportState } from '../quarterly-report/report-state.enum.js';
import { ATTENDANCE_LABELS, IMPORT_SHEETS, type ImportColumn, type ImportSheet } from './import-columns.js';
import { ImportSheetKind } from './import-sheet-kind.enum.js';
import { ImportProblemCollector, type ImportProblemRow } from './import-problems.js';
import { parseRow, splitNames, type ParsedCells } from './parse-cells.js';
import { readUpload, type RawRow, type RawSheet } from './read-workbook.js';
import { TownshipIndex, type DeputyEntry } from './township-index.js';
import { dataImportErrors } from './data-import.errors.js';

/** A file holds at most this many data rows (a county's register is a few thousand). */
export const MAX_IMPORT_ROWS = 20_000;
/** Rows written per EntityManager fork: MikroORM's flush compares every managed entity, so the map stays small. */
const ROWS_PER_FORK = 20;
/** Deputies are staged and flushed together, this many per fork (one flush, multi-row INSERTs). */
const STAGED_ROWS_PER_FORK = 500;

export interface SheetCount {
  kind: ImportSheetKind;
  sheet: string;
  rows: number;
  created: number;
  unchanged: number;
}

export interface ImportOutcome {
  fileName: string;
  sha256: string;
  sheets: SheetCount[];
  problems: ImportProblemRow[];
}

type Written = 'created' | 'unchanged' | 'problem';

/**
 * Reads the file and writes every row through the domain's own write service, exactly as the GraphQL
 * mutation would (the same DTO validation, the same checks), inside the caller's transaction. Problems
 * are collected row by row; the caller commits only when there are none (see data-import.service.ts).
 * A row whose natural key already exists is left as it is, so importing a file twice adds nothing.
 */
export class ImportRunner {
  private readonly problems = new ImportProblemCollector();
  private fork: EntityManager | null = null;
  private forkRows = 0;
  private index!: TownshipIndex;

  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
    private readonly fileName: string,
  ) {}

  async run(bytes: Uint8Array): Promise<ImportOutcome> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const outcome: ImportOutcome = { fileName: this.fileName, sha256, sheets: [], problems: this.problems.problems };
    const sheets = await readUpload(this.fileName, bytes, this.problems);
    const total = sheets.reduce((sum, sheet) => sum + sheet.rows.length, 0);
    if (total > MAX_IMPORT_ROWS) {
      this.problems.file(dataImportErrors.tooManyRows(MAX_IMPORT_ROWS, total));
      return outcome;
    }
    if (this.problems.count > 0 && sheets.length === 0) return outcome;
    this.index = await TownshipIndex.load(this.em, this.scope.townshipId);
    const order = IMPORT_SHEETS.map((sheet) => sheet.kind);
    sheets.sort((a, b) => order.indexOf(a.sheet.kind) - order.indexOf(b.sheet.kind));
    for (const raw of sheets) {
      outcome.sheets.push(await this.sheet(raw));
      // A sheet's staged rows are in the database before the next sheet looks them up.
      await this.flushStaged();
    }
    return outcome;
  }

  private async sheet(raw: RawSheet): Promise<SheetCount> {
    const count: SheetCount = {
      kind: raw.sheet.kind,
      sheet: raw.sheet.name,
      rows: raw.rows.length,
      created: 0,
      unchanged: 0,
    };
    const tally = (written: Written) => {
      if (written === 'created') count.created++;
      if (written === 'unchanged') count.unchanged++;
    };
    if (raw.sheet.kind === ImportSheetKind.QUARTERLY_FIGURES) {
      for (const written of await this.quarterlyFigures(raw)) tally(written);
      return count;
    }
    const seen = new Map<string, number>();
    for (const row of raw.rows) {
      const cells = parseRow(raw.sheet, row, this.problems);
      if (cells) tally(await this.row(raw.sheet, row, cells, seen));
      else this.namedReferences(raw.sheet, row);
    }
    return count;
  }

  private row(sheet: ImportSheet, row: RawRow, cells: ParsedCells, seen: Map<string, number>): Promise<Written> {
    switch (sheet.kind) {
      case ImportSheetKind.DEPUTY_GROUPS:
        return this.named(sheet, row, cells, seen, this.index.groups, GROUP, async (em, name) => {
          const input = Object.assign(new CreateDeputyGroupInput(), { name });
          return (await new DeputyGroupWriteService(em, this.scope).create(input)).id;
        });
      case ImportSheetKind.STATIONS:
        return this.named(sheet, row, cells, seen, this.index.stations, STATION, async (em) => {
          const input = Object.assign(new CreateStationInput(), withoutNulls(cells));
          if (!(await this.valid(sheet, row, input))) return null;
          return (await new StationWriteService(em, this.scope).create(input)).id;
        });
      case ImportSheetKind.DEPUTIES:
        return this.deputy(sheet, row, cells, seen);
      case ImportSheetKind.ACTIVITIES:
        return this.activity(sheet, row, cells, seen);
      case ImportSheetKind.VOTER_CONTACTS:
        return this.voterContact(sheet, row, cells, seen);
      case ImportSheetKind.SUGGESTIONS:
        return this.suggestion(sheet, row, cells, seen);
      case ImportSheetKind.QUARTERLY_FIGURES:
        throw new Error('quarterly figures are written per quarter');
    }
  }

  /** Groups and stations: the name is the key, unique in the township and in the file. */
  private async named(
    sheet: ImportSheet,
    row: RawRow,
    cells: ParsedCells,
    seen: Map<string, number>,
    names: Map<string, string>,
    label: { zh: string; en: string },
    create: (em: EntityManager, name: string) => Promise<string | null>,
  ): Promise<Written> {
    const name = cells.name as string;
    if (this.duplicate(sheet, row, seen, name, label, 'name')) return 'problem';
    if (names.has(name)) return 'unchanged';
    const id = await this.write(sheet, row, (em) => create(em, name));
    if (id === null) return 'problem';
    names.set(name, id);
    return 'created';
  }

  private async deputy(
    sheet: ImportSheet,
    row: RawRow,
    cells: ParsedCells,
    seen: Map<string, number>,
  ): Promise<Written> {
    const name = cells.name as string;
    const term = this.index.terms.get(cells.term as string);
    if (!term) return this.problem(sheet, row, 'term', dataImportErrors.unknownTerm(cells.term as string));
    if (this.duplicate(sheet, row, seen, `${name}|${term.name}`, DEPUTY, 'name', `${name}（${term.name}）`))
      return 'problem';
    if ((this.index.deputies.get(name) ?? []).some((deputy) => deputy.termId === term.id)) return 'unchanged';
    const electedOn = cells.electedOn as string | null;
    if (electedOn && ((term.startedOn && electedOn < term.startedOn) || (term.endedOn && electedOn > term.endedOn))) {
      return this.problem(
        sheet,
        row,
        'electedOn',
        dataImportErrors.dateOutsideTerm(electedOn, term.name, term.startedOn, term.endedOn),
      );
    }
    const groupId = this.lookUp(sheet, row, 'group', this.index.groups, dataImportErrors.unknownGroup);
    const stationId = this.lookUp(sheet, row, 'station', this.index.stations, dataImportErrors.unknownStation);
    if (groupId === false || stationId === false) return 'problem';
    const { term: _term, group: _group, station: _station, ...rest } = withoutNulls(cells);
    const input = Object.assign(new CreateDeputyInput(), rest, { termId: term.id, groupId, stationId });
    if (!(await this.valid(sheet, row, input))) return 'problem';
    // Staged, not flushed: the fork writes its deputies together when it is replaced or the sheet ends.
    const id = await this.write(
      sheet,
      row,
      async (em) => {
        const deputy = await new DeputyWriteService(em, this.scope).prepare(input);
        em.persist(deputy);
        return deputy.id;
      },
      STAGED_ROWS_PER_FORK,
    );
    if (id === null) return 'problem';
    this.index.addDeputy(name, { id, termId: term.id });
    return 'created';
  }

  private async activity(
    sheet: ImportSheet,
    row: RawRow,
    cells: ParsedCells,
    seen: Map<string, number>,
  ): Promise<Written> {
    const on = cells.occurredOn as string;
    if (this.counted(seen, this.index.activities, `${on}|${cells.title as string}`)) return 'unchanged';
    const stationId = this.lookUp(sheet, row, 'station', this.index.stations, dataImportErrors.unknownStation);
    const groupId = this.lookUp(sheet, row, 'group', this.index.groups, dataImportErrors.unknownGroup);
    const participants: ActivityParticipantInput[] = [];
    let ok = stationId !== false && groupId !== false;
    for (const { name, note } of splitNames(cells.participants as string | null)) {
      const deputy = this.deputyNamed(sheet, row, 'participants', name, on);
      const attendance = note === null ? Attendance.PRESENT : attendanceOf(note);
      if (attendance === null) {
        const labels = Object.values(ATTENDANCE_LABELS);
        this.problem(sheet, row, 'participants', dataImportErrors.unknownLabel('参加代表', note!, labels));
      }
      if (deputy && attendance)
        participants.push(Object.assign(new ActivityParticipantInput(), { deputyId: deputy.id, attendance }));
      else ok = false;
    }
    if (!ok) return 'problem';
    const { station: _station, group: _group, participants: _participants, ...rest } = withoutNulls(cells);
    const input = Object.assign(new RecordActivityInput(), rest, { stationId, groupId, participants });
    if (!(await this.valid(sheet, row, input))) return 'problem';
    const id = await this.write(
      sheet,
      row,
      async (em) => (await new ActivityWriteService(em, this.scope).record(input)).id,
    );
    return id === null ? 'problem' : 'created';
  }

  private async voterContact(
    sheet: ImportSheet,
    row: RawRow,
    cells: ParsedCells,
    seen: Map<string, number>,
  ): Promise<Written> {
    const on = cells.receivedOn as string;
    if (this.counted(seen, this.index.voterContacts, `${on}|${cells.kind as string}|${cells.subject as string}`))
      return 'unchanged';
    const stationId = this.lookUp(sheet, row, 'station', this.index.stations, dataImportErrors.unknownStation);
    const deputy = cells.deputy ? this.deputyNamed(sheet, row, 'deputy', cells.deputy as string, on) : null;
    if (stationId === false || deputy === false) return 'problem';
    const { station: _station, deputy: _deputy, ...rest } = withoutNulls(cells);
    const input = Object.assign(new RecordVoterContactInput(), rest, { stationId, deputyId: deputy?.id ?? null });
    if (!(await this.valid(sheet, row, input))) return 'problem';
    const id = await this.write(
      sheet,
      row,
      async (em) => (await new VoterContactWriteService(em, this.scope).record(input)).id,
    );
    return id === null ? 'problem' : 'created';
  }

  private async suggestion(
    sheet: ImportSheet,
    row: RawRow,
    cells: ParsedCells,
    seen: Map<string, number>,
  ): Promise<Written> {
    const on = cells.submittedOn as string;
    if (this.counted(seen, this.index.suggestions, `${on}|${cells.title as string}`)) return 'unchanged';
    const proposers = splitNames(cells.proposers as string).map(({ name }) =>
      this.deputyNamed(sheet, row, 'proposers', name, on),
    );
    if (proposers.some((deputy) => !deputy)) return 'problem';
    const { proposers: _proposers, ...rest } = withoutNulls(cells);
    const input = Object.assign(new RecordSuggestionInput(), rest, {
      proposerIds: proposers.map((deputy) => (deputy as DeputyEntry).id),
    });
    if (!(await this.valid(sheet, row, input))) return 'problem';
    const id = await this.write(
      sheet,
      row,
      async (em) => (await new SuggestionWriteService(em, this.scope).record(input)).id,
    );
    return id === null ? 'problem' : 'created';
  }

  /**
   * Figures are submitted as the quarter's report, one submission per quarter, through the quarterly
   * report service (its checks: catalog keys, ranges, whole counts, quarter ended). A quarter whose
   * report already holds the same figures is unchanged; an accepted report is the county's and is not
   * overwritten. Values that differ from what the records count carry the import as their reason.
   */
  private async quarterlyFigures(raw: RawSheet): Promise<Written[]> {
    const sheet = raw.sheet;
    const quarters = new Map<
      string,
      { year: number; quarter: number; rows: { row: RawRow; key: string; value: number }[] }
    >();
    const seen = new Map<string, number>();
    const written: Written[] = [];
    for (const row of raw.rows) {
      const cells = parseRow(sheet, row, this.problems);
      if (!cells) continue;
      const [year, quarter, key, value] = [
        cells.year as number,
        cells.quarter as number,
        cells.metricKey as string,
        cells.value as number,
      ];
      if (quarter < 1 || quarter > 4) {
        written.push(this.problem(sheet, row, 'quarter', dataImportErrors.outOfRange('季度', String(quarter), 1, 4)));
        continue;
      }
      if (value < 0) {
        written.push(this.problem(sheet, row, 'value', dataImportErrors.outOfRange('数值', String(value), 0, null)));
        continue;
      }
      if (!this.index.metricKeys.has(key)) {
        written.push(this.problem(sheet, row, 'metricKey', dataImportErrors.unknownMetric(key)));
        continue;
      }
      if (
        this.duplicate(sheet, row, seen, `${year}|${quarter}|${key}`, FIGURE, 'metricKey', `${year}Q${quarter} ${key}`)
      ) {
        written.push('problem');
        continue;
      }
      const id = `${year}-${quarter}`;
      const group = quarters.get(id) ?? { year, quarter, rows: [] };
      group.rows.push({ row, key, value });
      quarters.set(id, group);
    }
    for (const [id, { year, quarter, rows }] of quarters) {
      const report = this.index.reports.get(id);
      if (report && report.state !== ReportState.DRAFT && rows.every((r) => report.values.get(r.key) === r.value)) {
        written.push(...rows.map(() => 'unchanged' as const));
        continue;
      }
      if (report?.state === ReportState.ACCEPTED) {
        written.push(this.problem(sheet, rows[0]!.row, 'year', dataImportErrors.reportAccepted(year, quarter)));
        continue;
      }
      const reason = `导入历史数据（${this.fileName}）`.slice(0, 500);
      const input = Object.assign(new SubmitQuarterlyReportInput(), {
        year,
        quarter,
        idempotencyKey: `import:${createHash('sha256')
          .update(`${this.scope.townshipId}|${id}|${JSON.stringify(rows.map((r) => [r.key, r.value]))}`)
          .digest('hex')
          .slice(0, 40)}`,
        expectedVersion: report?.version ?? 0,
        values: rows.map((r) =>
          Object.assign(new ReportValueInput(), { metricKey: r.key, reportedValue: r.value, overrideReason: reason }),
        ),
      });
      const rowOf = (field: FieldPath) =>
        field[1] === 'values' && typeof field[2] === 'number' ? rows[field[2]]!.row : rows[0]!.row;
      try {
        await new QuarterlyReportSubmissionService(await this.writer(), this.scope).submit(input);
        written.push(...rows.map(() => 'created' as const));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const at = rowOf(error.field ?? []);
        written.push(this.problem(sheet, at, columnKey(sheet, error.field ?? []), error));
      }
    }
    return written;
  }

  /** A row with a cell that does not parse still has its station and group names checked, so one preview lists both. */
  private namedReferences(sheet: ImportSheet, row: RawRow): void {
    if (sheet.columns.some((column) => column.key === 'station'))
      this.lookUp(sheet, row, 'station', this.index.stations, dataImportErrors.unknownStation);
    if (sheet.columns.some((column) => column.key === 'group'))
      this.lookUp(sheet, row, 'group', this.index.groups, dataImportErrors.unknownGroup);
  }

  /** The id of a row named in a cell, undefined for an empty cell, false (reported) for an unknown name. */
  private lookUp(
    sheet: ImportSheet,
    row: RawRow,
    key: string,
    names: Map<string, string>,
    unknown: (name: string) => AppError,
  ): string | null | false {
    const name = row.cells[key];
    if (!name) return null;
    const id = names.get(name);
    if (id) return id;
    this.problem(sheet, row, key, unknown(name));
    return false;
  }

  private deputyNamed(sheet: ImportSheet, row: RawRow, key: string, name: string, on: string): DeputyEntry | false {
    const candidates = this.index.deputiesOn(name, on);
    if (candidates.length === 1) return candidates[0]!;
    this.problem(
      sheet,
      row,
      key,
      candidates.length === 0 ? dataImportErrors.unknownDeputy(name) : dataImportErrors.ambiguousDeputy(name, on),
    );
    return false;
  }

  /** A key seen before in the same sheet is a duplicate row (reported), the first row's number kept. */
  private duplicate(
    sheet: ImportSheet,
    row: RawRow,
    seen: Map<string, number>,
    key: string,
    label: { zh: string; en: string },
    column: string,
    shown = key,
  ): boolean {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.row);
      return false;
    }
    this.problem(sheet, row, column, dataImportErrors.duplicateRow(label, shown, first));
    return true;
  }

  /** The n-th row of a counted key matches the n-th existing row: true when it already exists. */
  private counted(seen: Map<string, number>, existing: Map<string, number>, key: string): boolean {
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    if (n <= (existing.get(key) ?? 0)) return true;
    existing.set(key, n);
    return false;
  }

  /** class-validator on the mutation's own input class: the same text, length and range rules as GraphQL. */
  private async valid(sheet: ImportSheet, row: RawRow, input: object): Promise<boolean> {
    const errors = await validate(input, { forbidUnknownValues: false });
    for (const error of errors) {
      const detail = Object.values(error.constraints ?? {})[0] ?? error.property;
      const column = columnOf(sheet, error.property);
      this.problems.add(
        sheet,
        row.row,
        column ?? null,
        dataImportErrors.invalidText(column?.header ?? error.property, detail),
      );
    }
    return errors.length === 0;
  }

  /** Runs one row's write service call; its refusal becomes the row's problem on the column it names. */
  private async write<T>(
    sheet: ImportSheet,
    row: RawRow,
    call: (em: EntityManager) => Promise<T>,
    rowsPerFork = ROWS_PER_FORK,
  ): Promise<T | null> {
    const em = await this.writer(rowsPerFork);
    try {
      return await call(em);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The write services check everything before they persist, so a refused row left nothing staged.
      this.problem(sheet, row, columnKey(sheet, error.field ?? []), error);
      return null;
    }
  }

  /** The fork rows are written through; a replaced fork first writes what it staged. */
  private async writer(rowsPerFork = ROWS_PER_FORK): Promise<EntityManager> {
    if (!this.fork || this.forkRows >= rowsPerFork) {
      await this.flushStaged();
      this.fork = this.em.fork({ keepTransactionContext: true, clear: true });
      this.forkRows = 0;
    }
    this.forkRows++;
    return this.fork;
  }

  private async flushStaged(): Promise<void> {
    if (this.fork) await this.fork.flush();
    this.fork = null;
  }

  private problem(sheet: ImportSheet, row: RawRow | number, key: string | null, error: AppError): 'problem' {
    this.problems.add(
      sheet,
      typeof row === 'number' ? row : row.row,
      key ? (columnOf(sheet, key) ?? null) : null,
      error,
    );
    return 'problem';
  }
}

const GROUP = { zh: '代表小组', en: 'deputy group' };
const STATION = { zh: '代表联络站', en: 'station' };
const DEPUTY = { zh: '代表', en: 'deputy' };
const FIGURE = { zh: '季度数据', en: 'quarterly figure' };

function attendanceOf(note: string): Attendance | null {
  const found = (Object.keys(ATTENDANCE_LABELS) as Attendance[]).find(
    (key) => ATTENDANCE_LABELS[key] === note || key === note,
  );
  return found ?? null;
}

/** Empty cells are left out of the input, so the input class's defaults apply as they do in GraphQL. */
function withoutNulls(cells: ParsedCells): Record<string, string | number | boolean> {
  return Object.fromEntries(Object.entries(cells).filter(([, value]) => value !== null)) as Record<
    string,
    string | number | boolean
  >;
}

/** The column an input property or a refusal's field path names: `stationId` → 联络站, `participants.2.deputyId` → 参加代表. */
function columnOf(sheet: ImportSheet, property: string): ImportColumn | undefined {
  const aliases: Record<string, string> = {
    termId: 'term',
    groupId: 'group',
    stationId: 'station',
    deputyId: 'deputy',
    proposerIds: 'proposers',
    reportedValue: 'value',
    values: 'value',
    occurredOn: 'occurredOn',
  };
  const key = aliases[property] ?? property;
  return sheet.columns.find((column) => column.key === key);
}

function columnKey(sheet: ImportSheet, field: FieldPath): string | null {
  const names = field.filter((part): part is string => typeof part === 'string' && part !== 'input');
  // participants.2.deputyId names the participants column, values.1.reportedValue the value column.
  for (const name of names) {
    const column = columnOf(sheet, name);
    if (column) return column.key;
  }
  return null;
}
