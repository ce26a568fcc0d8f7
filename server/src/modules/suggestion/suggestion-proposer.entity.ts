import type { Ref } from '@mikro-orm/core';
import { Entity, Index, ManyToOne, Unique } from '@mikro-orm/decorators/legacy';
import { TenantEntity } from '../../tenancy/tenant-entity.js';
import { Deputy } from '../deputy/deputy.entity.js';
import { Suggestion } from './suggestion.entity.js';

/** Join row: which deputies proposed a suggestion. Carries its tenant like every other row. */
@Entity({ tableName: 'suggestion_proposer' })
@Unique({ name: 'suggestion_proposer_suggestion_id_deputy_id_unique', properties: ['county', 'suggestion', 'deputy'] })
@Index({ properties: ['deputy'] })
export class SuggestionProposer extends TenantEntity {
  @ManyToOne(() => Suggestion, { ref: true, deleteRule: 'cascade' })
  suggestion!: Ref<Suggestion>;

  @ManyToOne(() => Deputy, { ref: true, deleteRule: 'restrict' })
  deputy!: Ref<Deputy>;
}
