import { registerEnumType } from 'type-graphql';

/** Where a figure or row came from; charts must never pass SYNTHETIC numbers off as reported ones. */
export enum Provenance {
  REPORTED = 'REPORTED',
  RECORDED = 'RECORDED',
  SYNTHETIC = 'SYNTHETIC',
}

registerEnumType(Provenance, {
  name: 'Provenance',
  description:
    'REPORTED: from a township report or submission; RECORDED: counted from records; SYNTHETIC: generated demo data',
});
