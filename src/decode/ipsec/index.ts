/**
 * IPsec ESP decryption in the decode stage: key files in (parse.ts), an SA
 * table (table.ts), the per-packet hook the ESP decoders call (decrypt.ts).
 * See decrypt.ts for the steps and cipher.ts for the algorithms.
 */
export { parseEspSecrets, problemText, MAX_SAS } from './parse.ts';
export { SaTable } from './table.ts';
export { EspDecryptor, IPSEC_IF } from './decrypt.ts';
export { EspStats, ESP_REASONS } from './stats.ts';
export type { EspSaSpec, SaProblem, ParsedSas } from './sa.ts';
export { ENC, AUTH, encByName, authByName, refusal } from './algorithms.ts';
