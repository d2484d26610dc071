/**
 * What an OpenID Connect identity looks like, checked before it is stored or looked up
 * (PostgreSQL holds the same rules: migration 20261209500000_external_identity).
 */

/** OIDC Core 1.0, section 2: sub is at most 255 ASCII characters; we take the printable ones. */
const SUBJECT = /^[\x21-\x7E]{1,255}$/;

/**
 * OIDC Discovery 1.0, section 2: an issuer is an https URL with no query or fragment. Plain
 * http is allowed only for a provider on this machine (development and tests).
 */
const ISSUER = /^(https:\/\/[^?#\s]+|http:\/\/(localhost|127\.0\.0\.1)(:[0-9]+)?(\/[^?#\s]*)?)$/;
const ISSUER_MAX_LENGTH = 2048;

export const isSubject = (value: string): boolean => SUBJECT.test(value);

export const isIssuer = (value: string): boolean => value.length <= ISSUER_MAX_LENGTH && ISSUER.test(value);
