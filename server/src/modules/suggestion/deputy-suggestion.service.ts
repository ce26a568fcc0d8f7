import type { EntityManager } from '@mikro-orm/postgresql';
import type { TownshipScope } from '../../tenancy/require-township.js';
import { uuidV7 } from '../../common/ids/uuid-v7.js';
import { chinaToday } from '../../common/validation/china-today.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { assertDeputyServing } from '../deputy/assert-deputy-serving.js';
import { Suggestion } from './suggestion.entity.js';
import { SuggestionService } from './suggestion.service.js';
import { suggestionErrors } from './suggestion.errors.js';
import type { SubmitSuggestionInput } from './dto/submit-suggestion.input.js';

/**
 * A signed-in deputy submits a suggestion of its own: state SUBMITTED, dated today (China time), the
 * deputy its only proposer. Row-level security allows a deputy exactly this insert
 * (`suggestion_deputy_insert`, `suggestion_proposer_deputy_insert`).
 */
export class DeputySuggestionService {
  constructor(
    private readonly em: EntityManager,
    private readonly scope: TownshipScope,
  ) {}

  async submit(input: SubmitSuggestionInput): Promise<Suggestion> {
    const deputyId = this.scope.identity.deputyId;
    if (!deputyId) throw suggestionErrors.deputyOnly();
    const today = chinaToday();
    const deputy = await this.em.findOne(Deputy, { id: deputyId, county: this.scope.countyId });
    if (!deputy) throw suggestionErrors.deputyOnly();
    assertDeputyServing(deputy, today, ['input']);
    const id = uuidV7();
    // One statement for both rows and no RETURNING: a deputy may read the suggestion only through its
    // proposer row, which does not exist until the statement has run (ORM inserts return columns, which
    // row-level security would check against the read policy first).
    await this.em.execute(
      `with s as (
         insert into suggestion (id, township_id, county_id, kind, title, category, submitted_on, state)
         values (?, ?, ?, ?, ?, ?, ?, 'SUBMITTED'))
       insert into suggestion_proposer (id, township_id, county_id, suggestion_id, deputy_id) values (?, ?, ?, ?, ?)`,
      [
        id,
        this.scope.townshipId,
        this.scope.countyId,
        input.kind,
        input.title,
        input.category ?? null,
        today,
        uuidV7(),
        this.scope.townshipId,
        this.scope.countyId,
        id,
        deputyId,
      ],
    );
    return new SuggestionService(this.em).findById(id, this.scope.countyId);
  }
}
