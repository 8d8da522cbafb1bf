import { describe, expect, it } from 'vitest';
import { FlashError } from '../hardware-sim/flash/errors.js';
import { NorFlash } from '../hardware-sim/flash/nor-flash.js';

const small = { pageSize: 256, blockSize: 4096, blockCount: 8, endurance: 5 };

describe('the NOR flash model', () => {
  it('reads 0xFF when erased and programs by clearing bits only', () => {
    const chip = new NorFlash(small);
    expect([...chip.read(100, 3)]).toEqual([0xff, 0xff, 0xff]);
    chip.program(100, Uint8Array.of(0xf0, 0x0f, 0xaa));
    expect([...chip.read(100, 3)]).toEqual([0xf0, 0x0f, 0xaa]);
    // Programming again may clear more bits …
    chip.program(100, Uint8Array.of(0x30, 0x0f, 0xaa));
    expect(chip.read(100, 1)[0]).toBe(0x30);
  });

  it('cannot program a 0 bit back to 1 without an erase: it refuses and the bit stays 0', () => {
    const chip = new NorFlash(small);
    chip.program(10, Uint8Array.of(0x00));
    expect(() => chip.program(10, Uint8Array.of(0x01))).toThrow(FlashError);
    expect(() => chip.program(10, Uint8Array.of(0x01))).toThrow(/would set bits 0→1 \(0x00 → 0x01\); erase the block first/);
    expect(chip.read(10, 1)[0]).toBe(0x00);
    chip.erase(0);
    expect(chip.read(10, 1)[0]).toBe(0xff);
    chip.program(10, Uint8Array.of(0x01));
    expect(chip.read(10, 1)[0]).toBe(0x01);
  });

  it('programs within one page and stays inside the chip', () => {
    const chip = new NorFlash(small);
    expect(() => chip.program(250, new Uint8Array(10))).toThrow(/crosses a 256-byte page boundary/);
    expect(() => chip.read(small.blockSize * small.blockCount - 2, 4)).toThrow(/outside the 32768-byte chip/);
    expect(() => chip.erase(8)).toThrow(/blocks 0\.\.7/);
  });

  it('counts erases per block and costs cycles for every operation', () => {
    const chip = new NorFlash(small);
    chip.erase(3);
    chip.erase(3);
    expect(chip.eraseCount(3)).toBe(2);
    expect(chip.eraseCount(2)).toBe(0);
    const before = chip.cycles;
    chip.program(0, new Uint8Array(256));
    expect(chip.cycles - before).toBe(700 + 256 * 4);
  });

  it('leaves stuck bits after erases past its endurance', () => {
    const chip = new NorFlash(small);
    for (let i = 0; i < small.endurance; i++) chip.erase(1);
    expect(chip.read(4096, 4096).every((b) => b === 0xff)).toBe(true);
    chip.erase(1);
    expect(chip.read(4096, 4096).every((b) => b === 0xff)).toBe(false);
    // Other blocks are unaffected.
    expect(chip.read(0, 4096).every((b) => b === 0xff)).toBe(true);
  });
});
