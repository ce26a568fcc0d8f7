import { registerEnumType } from 'type-graphql';

/** Why a figure is unknown (null): what the dashboard shows instead of a number. */
export enum UnknownReason {
  /** 未报送: the period's quarterly report was due and is not submitted, and records are not known complete. */
  NOT_SUBMITTED = 'NOT_SUBMITTED',
  /** 未录入: the platform does not hold complete records of this kind for the period. */
  NOT_RECORDED = 'NOT_RECORDED',
  /** 报告未载明: the township's own report covers the period but does not give this figure. */
  NOT_STATED = 'NOT_STATED',
  /** 未开始: the period has not begun. */
  NOT_STARTED = 'NOT_STARTED',
}

registerEnumType(UnknownReason, {
  name: 'UnknownReason',
  description: 'Why a figure is unknown (null): 未报送、未录入、报告未载明、未开始',
});
