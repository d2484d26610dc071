/**
 * The lengths of the password policy (password-policy.ts gives the reasons, NIST SP 800-63B
 * rev. 4, 3.1.1.2), light enough for a form in the browser.
 */
export const PASSWORD_POLICY = { minLength: 15, maxLength: 128 } as const;

/** Length in code points, as a person counts: an emoji is one character, not two. */
export const passwordLength = (password: string) => [...password].length;
