/**
 * ESP failures through the whole CLI: a wrong key, an unknown SPI, packets
 * cut by the snap length and an unusable key line each leave the outer
 * (NIC) firings exactly as without keys, fire nothing inner, and are named
 * in the summary on stderr; the exit status stays 0. (The decoder-level
 * cases, bad padding among them, are in src/decode/ipsec/decrypt.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../tools.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = join(root, 'bin/wiretrace.mjs');
const capture = join(root, 'samples/captures/blog-ipio-esp-cbc.pcapng');
const keys = readFileSync(join(root, 'samples/keys/blog-ipio-esp-cbc.esp_sa'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'wt-esp-'));

function run(keyText: string | null, cap = capture): { stdout: string; stderr: string; status: number | null } {
  const args = ['-s', join(root, 'samples/scripts/ipio.d'), '-r', cap, '--no-infer-note'];
  if (keyText !== null) {
    const f = join(tmp, `k${Math.random().toString(36).slice(2)}.esp_sa`);
    writeFileSync(f, keyText);
    args.unshift('--esp-sa', f);
  }
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('ESP failures leave the NIC firings alone and are named', () => {
  const plain = run(null);
  it('without keys: the NIC lines only', () => {
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('nge0');
    expect(plain.stdout).not.toContain('ip.tun0');
    expect(plain.stderr).toBe('');
  });

  it('a wrong encryption key behind the right integrity key, and a wrong integrity key', () => {
    const wrongEnc = keys.replace(/0x9f3c21d6a5b04e87c2d9e1f0a3b5c7d8/g, '0x00000000000000000000000000000000');
    const wrongAuth = keys.replace(/0x4e2a91c7d0b3f65a8e17c4d2b9a0f3e6d5c8b7a1/g, '0x' + '11'.repeat(20));
    const a = run(wrongEnc);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(plain.stdout);
    expect(a.stderr).toMatch(/ESP: 0 of 3 packets decrypted; 3 could not be:\n {2}3 bad padding: wrong encryption key\? \(frame 1, 2, 3\)/);
    const b = run(wrongAuth);
    expect(b.stdout).toBe(plain.stdout);
    expect(b.stderr).toMatch(/3 ICV mismatch: wrong key or damaged packet \(frame 1, 2, 3\)/);
  });

  it('an unknown SPI', () => {
    const r = run(keys.replace(/0x5a7d01c3/g, '0x00000001').replace(/0x2e91b7f0/g, '0x00000002'));
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toMatch(/3 no SA for its SPI and addresses \(SPI 0x5a7d01c3, 0x2e91b7f0\) \(frame 1, 2, 3\)/);
  });

  it('packets cut by the snap length', () => {
    requireTool('editcap');
    const cut = join(tmp, 'cut.pcapng');
    expect(spawnSync('editcap', ['-s', '120', capture, cut]).status).toBe(0);
    const r = run(keys, cut);
    expect(r.stdout).toBe(plain.stdout);
    expect(r.stderr).toMatch(/3 truncated: the capture holds only part of the ESP packet \(frame 1, 2, 3\)/);
  });

  it('an unusable key line is named and the others still decrypt', () => {
    const r = run('"IPv4","*","*","*","Blowfish-CBC [RFC2451]","0x00112233445566778899aabbccddeeff","NULL",""\n' + keys);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/k\w+\.esp_sa:1: .*Blowfish/);
    expect(r.stdout).toBe(readFileSync(join(root, 'samples/expected/ipio.blog-ipio-esp.out'), 'utf8'));
  });
});
