/** Latin letters and digits, starting with a letter: what Albato accepts as a code. */
export const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9]*$/;
