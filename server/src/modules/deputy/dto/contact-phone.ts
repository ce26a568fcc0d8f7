import { Matches } from 'class-validator';

/** Mobile or landline, optionally with a country code and separators: 6-30 characters (the column's length). */
export const ContactPhone = (): PropertyDecorator =>
  Matches(/^\+?[0-9][0-9 -]{4,28}[0-9]$/, { message: 'contactPhone: digits, spaces and dashes, 6-30 characters' });
