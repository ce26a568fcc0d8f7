import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { tenantRefs } from '../../tenancy/tenant-refs.js';
import { loadInTownship } from '../../tenancy/load-in-township.js';
import { assertNotBefore, assertRecordDate } from '../../common/validation/assert-record-date.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { CongressSession } from '../term/congress-session.entity.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionProposer } from './suggestion-proposer.entity.js';
import { SuggestionService } from './suggestion.service.js';
import { SuggestionState } from './suggestion-state.enum.js';
import { assertTransition } from './suggestion-transitions.js';
import type { RecordSuggestionInput } from './dto/record-suggestion.input.js';
import type { AssignSuggestionInput } from './dto/assign-suggestion.input.js';
import type { ReplySuggestionInput } from './dto/reply-suggestion.input.js';
import type { CompleteSuggestionInput } from './dto/complete-suggestion.input.js';
import type { ReturnSuggestionInput } from './dto/return-suggestion.input.js';
import { suggestionErrors } from './suggestion.errors.js';

/** Working days a handling unit has to reply, counted from assignment (about one month). */
export const DEFAULT_REPLY_WORKING_DAYS = 20;

/** Records suggestions and moves them through their workflow; only legal transitions pass. */
export class SuggestionWriteService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async record(input: RecordSuggestionInput): Promise<Suggestion> {
    assertRecordDate(input.submittedOn, ['input', 'submittedOn']);
    if (new Set(input.proposerIds).size !== input.proposerIds.length) {
      throw suggestionErrors.proposerTwice();
    }
    const proposers = [];
    for (const [i, id] of input.proposerIds.entries()) {
      proposers.push(
        await loadInTownship(this.em, Deputy, id, this.scope, ['input', 'proposerIds', i], {
          zh: '代表',
          en: 'deputy',
        }),
      );
    }
    const session = input.sessionId
      ? await loadInTownship(this.em, CongressSession, input.sessionId, this.scope, ['input', 'sessionId'], {
          zh: '会议',
          en: 'congress session',
        })
      : null;
    const suggestion = Object.assign(new Suggestion(), {
      ...tenantRefs(this.scope),
      kind: input.kind,
      title: input.title,
      category: input.category ?? null,
      submittedOn: input.submittedOn,
      session: session ? ref(CongressSession, session.id) : null,
    });
    this.em.persist(suggestion);
    for (const deputy of proposers) {
      this.em.persist(
        Object.assign(new SuggestionProposer(), {
          ...tenantRefs(this.scope),
          suggestion: ref(Suggestion, suggestion.id),
          deputy: ref(Deputy, deputy.id),
        }),
      );
    }
    await this.em.flush();
    return suggestion;
  }

  /** 交办: sets the handling unit and the reply deadline in working days by the county's calendar. */
  async assign(id: string, input: AssignSuggestionInput): Promise<Suggestion> {
    const suggestion = await this.load(id);
    assertTransition(suggestion.state, SuggestionState.ASSIGNED);
    assertRecordDate(input.assignedOn, ['input', 'assignedOn']);
    assertNotBefore(input.assignedOn, suggestion.submittedOn, ['input', 'assignedOn'], {
      zh: '交办日期',
      en: 'The assignment date',
    });
    const days = input.replyWorkingDays ?? DEFAULT_REPLY_WORKING_DAYS;
    suggestion.handlingUnit = input.handlingUnit;
    suggestion.assignedOn = input.assignedOn;
    suggestion.deadline = await new CalendarService(this.em).addWorkingDays(input.assignedOn, days);
    suggestion.state = SuggestionState.ASSIGNED;
    suggestion.returnReason = null;
    await this.em.flush();
    return suggestion;
  }

  async startHandling(id: string): Promise<Suggestion> {
    const suggestion = await this.load(id);
    assertTransition(suggestion.state, SuggestionState.IN_PROGRESS);
    suggestion.state = SuggestionState.IN_PROGRESS;
    await this.em.flush();
    return suggestion;
  }

  async reply(id: string, input: ReplySuggestionInput): Promise<Suggestion> {
    const suggestion = await this.load(id);
    assertTransition(suggestion.state, SuggestionState.REPLIED);
    assertRecordDate(input.repliedOn, ['input', 'repliedOn']);
    assertNotBefore(input.repliedOn, suggestion.assignedOn ?? suggestion.submittedOn, ['input', 'repliedOn'], {
      zh: '答复日期',
      en: 'The reply date',
    });
    suggestion.reply = input.reply;
    suggestion.repliedOn = input.repliedOn;
    suggestion.state = SuggestionState.REPLIED;
    await this.em.flush();
    return suggestion;
  }

  /** 办结: needs an outcome class; the solved rate (办成率) counts class A only. */
  async complete(id: string, input: CompleteSuggestionInput): Promise<Suggestion> {
    const suggestion = await this.load(id);
    assertTransition(suggestion.state, SuggestionState.COMPLETED);
    assertRecordDate(input.completedOn, ['input', 'completedOn']);
    assertNotBefore(input.completedOn, suggestion.repliedOn ?? suggestion.submittedOn, ['input', 'completedOn'], {
      zh: '办结日期',
      en: 'The completion date',
    });
    suggestion.completedOn = input.completedOn;
    suggestion.outcomeClass = input.outcomeClass;
    suggestion.satisfaction = input.satisfaction ?? null;
    suggestion.state = SuggestionState.COMPLETED;
    await this.em.flush();
    return suggestion;
  }

  async returnToProposers(id: string, input: ReturnSuggestionInput): Promise<Suggestion> {
    const suggestion = await this.load(id);
    assertTransition(suggestion.state, SuggestionState.RETURNED);
    suggestion.returnReason = input.reason;
    suggestion.state = SuggestionState.RETURNED;
    await this.em.flush();
    return suggestion;
  }

  /** A returned suggestion, corrected, goes back into the queue; the deadline restarts at assignment. */
  async resubmit(id: string, title: string | null): Promise<Suggestion> {
    const suggestion = await this.load(id);
    assertTransition(suggestion.state, SuggestionState.SUBMITTED);
    if (title !== null) suggestion.title = title;
    suggestion.state = SuggestionState.SUBMITTED;
    suggestion.assignedOn = null;
    suggestion.deadline = null;
    await this.em.flush();
    return suggestion;
  }

  private load(id: string): Promise<Suggestion> {
    return new SuggestionService(this.em).findById(id, this.scope.countyId);
  }
}
