/** More participants than any township has deputies: the bound only stops oversized requests. */
export const MAX_PARTICIPANTS = 500;
