import { registerEnumType } from 'type-graphql';

/** One step in a quarterly report's history. */
export enum ReportEventKind {
  /** The first revision. */
  SUBMITTED = 'SUBMITTED',
  /** A later revision: resubmitted after a return, or a correction of a submitted or accepted report. */
  CORRECTED = 'CORRECTED',
  RETURNED = 'RETURNED',
  ACCEPTED = 'ACCEPTED',
}

registerEnumType(ReportEventKind, { name: 'ReportEventKind', description: '报送、更正、退回、接收' });
