import { crc32 } from 'node:zlib';
import { ByteReader, ByteWriter, DecodeFailure } from './bytes.js';
import {
  BOARD_MAX,
  MAX_ACCESS_FLAGS,
  MAX_CREDITS,
  MAX_INTEL,
  MAX_KNOWLEDGE_DOMAINS,
  MAX_NAME_BYTES,
  MAX_OBLIGATIONS,
  MAX_OBLIGATION_FLAGS,
  MAX_PHASES,
  MAX_PROVENANCE,
  MAX_REPUTATION,
  MAX_SPENT_OPPORTUNITIES,
  MAX_THREAT,
  MAX_TIMESTAMP_MS,
  MIN_REPUTATION,
  PHASE_CHAIN_BYTES,
  RECURRING_CHECKINS,
} from './limits.js';
import { type BoardEntry, CONTRACT_CATEGORIES, OBLIGATION_KINDS, type Obligation, type ProvenanceRecord, RUN_OUTCOMES, type Uds, isCartMask } from './uds.js';

/**
 * The UDS on flash, version 3 (little-endian):
 *
 *     0  'NUDS'            magic
 *     4  u16 version       3 (2 added saved_at; 3 added session and obligations at the end of the body)
 *     6  u16 reserved      0
 *     8  u32 body length   N
 *    12  body              N bytes, fields in the order of `writeBody`
 *  12+N  u32 CRC-32        over bytes 0 .. 12+N
 *
 * Fixed-width integers, u8-length UTF-8 names, u16 counts. The flash commit
 * log has its own CRC per record; this one makes the state self-checking
 * wherever its bytes travel (a file, a message, a test).
 */
export const UDS_MAGIC = 'NUDS';
export const UDS_VERSION = 3;
/** Older versions this build still boots from (a deck saved by an earlier nosh keeps its campaign). */
const READABLE_VERSIONS: readonly number[] = [2, 3];
const HEADER_BYTES = 12;
const CRC_BYTES = 4;

/** Decoding failed: `what` says which field and why, `offset` where in the bytes. */
export class UdsDecodeError extends Error {
  override readonly name = 'UdsDecodeError';
  constructor(
    readonly what: string,
    readonly offset: number,
  ) {
    super(`corrupt deck state: ${what}`);
  }
}

export function encodeUds(uds: Uds): Uint8Array {
  checkScalars(uds);
  const w = scratch;
  w.reset();
  for (const c of UDS_MAGIC) w.u8(c.charCodeAt(0));
  w.u16(UDS_VERSION);
  w.u16(0);
  w.u32(0);
  writeBody(w, uds);
  w.patchU32(8, w.length - HEADER_BYTES);
  const bytes = w.written();
  const out = new Uint8Array(bytes.length + CRC_BYTES);
  out.set(bytes);
  new DataView(out.buffer).setUint32(bytes.length, crc32(bytes), true);
  return out;
}

/**
 * The list sections of a UDS and their records, checked and encoded, kept by
 * the list or record itself. A UDS is immutable and a commit changes a field
 * or two, so a list no change touched (the board, the obligations…) is checked
 * and encoded once, and a list that changed (the provenance log after a run)
 * re-encodes only its new records: the deck commits after every request.
 * `key` is what a check depends on besides the value (the session, for obligations).
 */
/** One writer for every encode (encoding is synchronous): a lived-in deck's state is a few KiB, allocated once. */
const scratch = new ByteWriter(8192);

const encoded = new WeakMap<object, { readonly key: number; readonly bytes: Uint8Array }>();

/**
 * Write `x` as `write` would, or the bytes it wrote for the same `x` and `key` before (checked then):
 * what is written is kept, as a copy of the range it took in `w`.
 */
function writeKept<T extends object>(w: ByteWriter, x: T, key: number, write: (w: ByteWriter, x: T) => void): void {
  const known = encoded.get(x);
  if (known !== undefined && known.key === key) return w.bytes(known.bytes);
  const start = w.length;
  write(w, x);
  encoded.set(x, { key, bytes: w.copy(start) });
}

/** A list section: its count and its items, the list checked as a whole (`checkList`) and each item (`item`). */
function listSection<T>(w: ByteWriter, xs: readonly T[], key: number, checkList: (xs: readonly T[]) => void, item: (w: ByteWriter, x: T, i: number) => void): void {
  writeKept(w, xs, key, () => {
    checkList(xs);
    w.u16(xs.length);
    xs.forEach((x, i) => item(w, x, i));
  });
}

/** One record of a list section, checked and encoded once per record. */
function record<T extends object>(key: number, check: (x: T, i: number) => void, write: (w: ByteWriter, x: T) => void): (w: ByteWriter, x: T, i: number) => void {
  return (w, x, i) =>
    writeKept(w, x, key, () => {
      check(x, i);
      write(w, x);
    });
}

export function decodeUds(bytes: Uint8Array): Uds {
  if (bytes.length < HEADER_BYTES + CRC_BYTES) {
    throw new UdsDecodeError(`${bytes.length} bytes is shorter than the ${HEADER_BYTES + CRC_BYTES}-byte header and checksum`, 0);
  }
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (magic !== UDS_MAGIC) throw new UdsDecodeError(`bad magic ${JSON.stringify(magic)}, expected "${UDS_MAGIC}" (not a deck state)`, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (!READABLE_VERSIONS.includes(version)) throw new UdsDecodeError(`unsupported version ${version} (this build reads versions ${READABLE_VERSIONS.join(' and ')})`, 4);
  const bodyLength = view.getUint32(8, true);
  const expected = HEADER_BYTES + bodyLength + CRC_BYTES;
  if (bytes.length !== expected) {
    throw new UdsDecodeError(`length ${bytes.length} bytes, but the header says ${expected} (body ${bodyLength}): truncated or padded`, 8);
  }
  const end = HEADER_BYTES + bodyLength;
  const stored = view.getUint32(end, true);
  const computed = crc32(bytes.subarray(0, end));
  if (stored !== computed) {
    throw new UdsDecodeError(`checksum mismatch: stored 0x${hex(stored)}, computed 0x${hex(computed)} over ${end} bytes`, end);
  }
  if (view.getUint16(6, true) !== 0) throw new UdsDecodeError('reserved header field is not 0', 6);
  const r = new ByteReader(bytes, HEADER_BYTES, end);
  try {
    const uds = readBody(r, version);
    if (r.remaining !== 0) r.fail('body', `${r.remaining} bytes left over after the last field`);
    return uds;
  } catch (err) {
    if (err instanceof DecodeFailure) throw new UdsDecodeError(err.message, err.offset);
    throw err;
  }
}

function hex(n: number): string {
  return n.toString(16).padStart(8, '0');
}

function writeBody(w: ByteWriter, uds: Uds): void {
  w.u48(uds.creditBalance);
  w.i32(uds.reputation);
  w.u32(uds.cartridgeHistory);
  w.u32(uds.cipherSeed);
  w.u32(uds.boardSerial);
  w.u32(uds.runCount);
  w.u48(uds.savedAt);
  w.u16(uds.cartLastSeen.length);
  for (const s of uds.cartLastSeen) {
    w.u32(s.mask);
    w.u48(s.at);
  }
  listSection(w, uds.knowledgeIndex, 0, checkKnowledge, (w, k) => {
    w.name(k.domain);
    w.u32(k.points);
  });
  listSection(w, uds.accessFlags, 0, checkAccessFlags, (w, f) => w.name(f));
  listSection(w, uds.board, 0, checkBoardList, record(0, (e: BoardEntry, i) => checkEntry(`board[${i}]`, e), writeEntry));
  listSection(w, uds.spentOpportunities, 0, checkSpent, (w, k) => w.u32(k));
  if (uds.active === null) w.u8(0);
  else {
    w.u8(1);
    // Checked with the scalars (it is one entry); its bytes are the same at every commit of the run.
    writeKept(w, uds.active, 0, (w, a) => {
      writeEntry(w, a.entry);
      w.u48(a.acceptedAt);
    });
  }
  w.bytes(uds.phaseChain);
  listSection(w, uds.provenance, 0, checkProvenanceList, record(0, checkProvenanceRecord, writeProvenance));
  w.u32(uds.session);
  const session = uds.session;
  listSection(w, uds.obligations, session, checkObligationList, record(session, (o: Obligation, i) => checkObligation(o, i, session), writeObligation));
}

function writeObligation(w: ByteWriter, o: Obligation): void {
  w.u32(o.contractId);
  w.name(o.schema);
  w.u8(OBLIGATION_KINDS.indexOf(o.kind));
  w.u48(o.credits);
  w.i32(o.reputation);
  w.u32(o.intel);
  w.name(o.domain);
  w.u8(o.access.length);
  for (const f of o.access) w.name(f);
  w.u32(o.earnedSession);
  w.u32(o.lastPaidSession);
  w.u8(o.payments);
}

function writeEntry(w: ByteWriter, e: BoardEntry): void {
  w.u32(e.id);
  w.name(e.schema);
  w.u32(e.seed);
  w.u8(e.threat);
  w.u8(e.phases);
  w.u8(CONTRACT_CATEGORIES.indexOf(e.category));
  w.u8((e.warned ? 1 : 0) | (e.expiresAt === null ? 0 : 2));
  w.u32(e.payout);
  w.u48(e.rateBalance);
  w.u48(e.createdAt);
  w.u48(e.expiresAt ?? 0);
  w.u32(e.opportunityKey);
}

function writeProvenance(w: ByteWriter, p: ProvenanceRecord): void {
  w.u32(p.run);
  w.u48(p.at);
  w.name(p.schema);
  w.u32(p.contractId);
  w.u32(p.carts);
  w.u8(p.threat);
  w.u8(RUN_OUTCOMES.indexOf(p.outcome));
  w.u32(p.credits);
  w.i32(p.reputation);
  w.u8(p.trace);
  w.u8(p.bonuses);
}

function readBody(r: ByteReader, version: number): Uds {
  const creditBalance = r.u48('credit_balance');
  if (creditBalance > MAX_CREDITS) r.fail('credit_balance', `${creditBalance} is past the ${MAX_CREDITS} limit`);
  const reputation = r.i32('reputation');
  const cartridgeHistory = r.u32('cartridge_history');
  const cipherSeed = r.u32('cipher_seed');
  const boardSerial = r.u32('board_serial');
  const runCount = r.u32('run_count');
  const savedAt = timestamp(r, 'saved_at');

  const cartLastSeen = [];
  const seenCount = r.count('cart_last_seen.count', 32);
  for (let i = 0; i < seenCount; i++) {
    const field = `cart_last_seen[${i}]`;
    const at0 = r.offset;
    const mask = r.u32(`${field}.mask`);
    if (!isCartMask(mask)) r.fail(`${field}.mask`, `0x${hex(mask)} is not a single cartridge bit`, at0);
    if ((cartridgeHistory & mask) === 0) r.fail(`${field}.mask`, `cartridge 0x${hex(mask)} was seen but its cartridge_history bit is clear`, at0);
    const prev = cartLastSeen[i - 1];
    if (prev !== undefined && prev.mask >= mask) r.fail(`${field}.mask`, 'masks are not in ascending order', at0);
    cartLastSeen.push({ mask, at: timestamp(r, `${field}.at`) });
  }

  const knowledgeIndex = [];
  const kCount = r.count('knowledge_index.count', MAX_KNOWLEDGE_DOMAINS);
  for (let i = 0; i < kCount; i++) {
    const at0 = r.offset;
    const domain = r.name(`knowledge_index[${i}].domain`, MAX_NAME_BYTES);
    const prev = knowledgeIndex[i - 1];
    if (prev !== undefined && prev.domain >= domain) r.fail(`knowledge_index[${i}].domain`, 'domains are not sorted and unique', at0);
    const points = r.u32(`knowledge_index[${i}].points`);
    if (points > MAX_INTEL) r.fail(`knowledge_index[${i}].points`, 'out of range');
    knowledgeIndex.push({ domain, points });
  }

  const accessFlags: string[] = [];
  const aCount = r.count('access_flags.count', MAX_ACCESS_FLAGS);
  for (let i = 0; i < aCount; i++) {
    const at0 = r.offset;
    const flag = r.name(`access_flags[${i}]`, MAX_NAME_BYTES);
    const prev = accessFlags[i - 1];
    if (prev !== undefined && prev >= flag) r.fail(`access_flags[${i}]`, 'flags are not sorted and unique', at0);
    accessFlags.push(flag);
  }

  const board: BoardEntry[] = [];
  const bCount = r.count('board.count', BOARD_MAX);
  for (let i = 0; i < bCount; i++) board.push(readEntry(r, `board[${i}]`));

  const spentOpportunities: number[] = [];
  const sCount = r.count('spent_opportunities.count', MAX_SPENT_OPPORTUNITIES);
  for (let i = 0; i < sCount; i++) spentOpportunities.push(r.u32(`spent_opportunities[${i}]`));

  const activeFlag = r.u8('active.present');
  if (activeFlag > 1) r.fail('active.present', `${activeFlag} is neither 0 nor 1`, r.offset - 1);
  const active = activeFlag === 1 ? { entry: readEntry(r, 'active.entry'), acceptedAt: timestamp(r, 'active.accepted_at') } : null;

  const phaseChain = r.bytes(PHASE_CHAIN_BYTES, 'phase_chain');

  const provenance: ProvenanceRecord[] = [];
  const pCount = r.count('provenance.count', MAX_PROVENANCE);
  for (let i = 0; i < pCount; i++) provenance.push(readProvenance(r, `provenance[${i}]`));

  // Version 2 ends here: a deck saved before check-ins has had no sessions counted and owes nothing.
  const session = version >= 3 ? r.u32('session') : 0;
  const obligations: Obligation[] = [];
  if (version >= 3) {
    const oCount = r.count('obligations.count', MAX_OBLIGATIONS);
    for (let i = 0; i < oCount; i++) obligations.push(readObligation(r, `obligations[${i}]`, session));
  }

  return {
    creditBalance,
    reputation,
    cartridgeHistory,
    cartLastSeen,
    cipherSeed,
    knowledgeIndex,
    accessFlags,
    board,
    boardSerial,
    spentOpportunities,
    active,
    phaseChain,
    provenance,
    runCount,
    savedAt,
    session,
    obligations,
  };
}

function readObligation(r: ByteReader, field: string, session: number): Obligation {
  const contractId = r.u32(`${field}.contract_id`);
  const schema = r.name(`${field}.schema`, MAX_NAME_BYTES);
  const kind = OBLIGATION_KINDS[small(r, `${field}.kind`, 0, OBLIGATION_KINDS.length - 1)] as Obligation['kind'];
  const at0 = r.offset;
  const credits = r.u48(`${field}.credits`);
  if (credits > MAX_CREDITS) r.fail(`${field}.credits`, `${credits} is past the ${MAX_CREDITS} limit`, at0);
  const reputation = r.i32(`${field}.reputation`);
  const intel = r.u32(`${field}.intel`);
  const domain = r.name(`${field}.domain`, MAX_NAME_BYTES);
  const aCount = small(r, `${field}.access.count`, 0, MAX_OBLIGATION_FLAGS);
  const access: string[] = [];
  for (let i = 0; i < aCount; i++) access.push(r.name(`${field}.access[${i}]`, MAX_NAME_BYTES));
  const s0 = r.offset;
  const earnedSession = r.u32(`${field}.earned_session`);
  const lastPaidSession = r.u32(`${field}.last_paid_session`);
  if (earnedSession > session || lastPaidSession > session) r.fail(`${field}.earned_session`, `a session after the deck's own (${session})`, s0);
  const payments = small(r, `${field}.payments`, 0, kind === 'deferred' ? 0 : RECURRING_CHECKINS - 1);
  return { contractId, schema, kind, credits, reputation, intel, domain, access, earnedSession, lastPaidSession, payments };
}

function timestamp(r: ByteReader, field: string): number {
  const at0 = r.offset;
  const t = r.u48(field);
  if (t > MAX_TIMESTAMP_MS) r.fail(field, 'timestamp out of range', at0);
  return t;
}

function small(r: ByteReader, field: string, lo: number, hi: number): number {
  const at0 = r.offset;
  const v = r.u8(field);
  if (v < lo || v > hi) r.fail(field, `${v} is outside ${lo}..${hi}`, at0);
  return v;
}

function readEntry(r: ByteReader, field: string): BoardEntry {
  const id = r.u32(`${field}.id`);
  const schema = r.name(`${field}.schema`, MAX_NAME_BYTES);
  const seed = r.u32(`${field}.seed`);
  const threat = small(r, `${field}.threat`, 1, MAX_THREAT);
  const phases = small(r, `${field}.phases`, 1, MAX_PHASES);
  const category = CONTRACT_CATEGORIES[small(r, `${field}.category`, 0, CONTRACT_CATEGORIES.length - 1)] as BoardEntry['category'];
  const flags = small(r, `${field}.flags`, 0, 3);
  const payout = r.u32(`${field}.payout`);
  const rateAt = r.offset;
  const rateBalance = r.u48(`${field}.rate_balance`);
  if (rateBalance > MAX_CREDITS) r.fail(`${field}.rate_balance`, `${rateBalance} is past the ${MAX_CREDITS} limit`, rateAt);
  const createdAt = timestamp(r, `${field}.created_at`);
  const at0 = r.offset;
  const expiry = timestamp(r, `${field}.expires_at`);
  const hasExpiry = (flags & 2) !== 0;
  if (hasExpiry === (category === 'episodic')) {
    r.fail(`${field}.expires_at`, category === 'episodic' ? 'an Episodic contract has an expiry' : `a ${category} contract has no expiry`, at0);
  }
  if (hasExpiry && expiry < createdAt) r.fail(`${field}.expires_at`, 'expires before it was created', at0);
  const opportunityKey = r.u32(`${field}.opportunity_key`);
  if ((opportunityKey !== 0) !== (category === 'opportunity')) r.fail(`${field}.opportunity_key`, 'set on a contract that is not an Opportunity, or missing on one that is');
  return { id, schema, seed, threat, phases, category, payout, rateBalance, createdAt, expiresAt: hasExpiry ? expiry : null, opportunityKey, warned: (flags & 1) !== 0 };
}

function readProvenance(r: ByteReader, field: string): ProvenanceRecord {
  return {
    run: r.u32(`${field}.run`),
    at: timestamp(r, `${field}.at`),
    schema: r.name(`${field}.schema`, MAX_NAME_BYTES),
    contractId: r.u32(`${field}.contract_id`),
    carts: r.u32(`${field}.carts`),
    threat: small(r, `${field}.threat`, 1, MAX_THREAT),
    outcome: RUN_OUTCOMES[small(r, `${field}.outcome`, 0, RUN_OUTCOMES.length - 1)] as ProvenanceRecord['outcome'],
    credits: r.u32(`${field}.credits`),
    reputation: r.i32(`${field}.reputation`),
    trace: small(r, `${field}.trace`, 0, 100),
    bonuses: small(r, `${field}.bonuses`, 0, 3),
  };
}

/**
 * Refuse a state the encoding cannot hold or the decoder would refuse, naming
 * the field: a bad state is a bug where it was made, not a corrupt flash later.
 */
export function checkUds(uds: Uds): void {
  checkScalars(uds);
  checkKnowledge(uds.knowledgeIndex);
  checkAccessFlags(uds.accessFlags);
  checkBoardList(uds.board);
  uds.board.forEach((e, i) => checkEntry(`board[${i}]`, e));
  checkSpent(uds.spentOpportunities);
  checkProvenanceList(uds.provenance);
  uds.provenance.forEach(checkProvenanceRecord);
  checkObligationList(uds.obligations);
  uds.obligations.forEach((o, i) => checkObligation(o, i, uds.session));
}

const int = (field: string, v: number, lo: number, hi: number): void => {
  if (!Number.isSafeInteger(v) || v < lo || v > hi) throw new RangeError(`UDS ${field} must be an integer in ${lo}..${hi}, got ${v}`);
};
const u32 = (field: string, v: number): void => int(field, v, 0, 0xffff_ffff);
const utf8 = new TextEncoder();
const name = (field: string, s: string): void => {
  const n = utf8.encode(s).length;
  if (n === 0 || n > MAX_NAME_BYTES) throw new RangeError(`UDS ${field} must be 1..${MAX_NAME_BYTES} bytes of UTF-8, got ${n}`);
};
const sortedUnique = (field: string, xs: readonly (string | number)[]): void => {
  for (let i = 1; i < xs.length; i++) if ((xs[i - 1] as string | number) >= (xs[i] as string | number)) throw new RangeError(`UDS ${field} must be sorted and unique`);
};
const bounded = (field: string, xs: readonly unknown[], max: number): void => {
  if (xs.length > max) throw new RangeError(`UDS ${field} has ${xs.length} entries; the limit is ${max}`);
};

function checkEntry(field: string, e: BoardEntry): void {
  u32(`${field}.id`, e.id);
  name(`${field}.schema`, e.schema);
  u32(`${field}.seed`, e.seed);
  int(`${field}.threat`, e.threat, 1, MAX_THREAT);
  int(`${field}.phases`, e.phases, 1, MAX_PHASES);
  if (!CONTRACT_CATEGORIES.includes(e.category)) throw new RangeError(`UDS ${field}.category is not one of ${CONTRACT_CATEGORIES.join(', ')}`);
  u32(`${field}.payout`, e.payout);
  int(`${field}.rateBalance`, e.rateBalance, 0, MAX_CREDITS);
  int(`${field}.createdAt`, e.createdAt, 0, MAX_TIMESTAMP_MS);
  if ((e.expiresAt === null) !== (e.category === 'episodic')) throw new RangeError(`UDS ${field}.expiresAt must be null exactly for Episodic contracts`);
  if (e.expiresAt !== null) int(`${field}.expiresAt`, e.expiresAt, e.createdAt, MAX_TIMESTAMP_MS);
  u32(`${field}.opportunityKey`, e.opportunityKey);
  if ((e.opportunityKey !== 0) !== (e.category === 'opportunity')) throw new RangeError(`UDS ${field}.opportunityKey must be non-zero exactly for Opportunity contracts`);
}

/** The fields encoded in place at every commit: numbers, the cart times, the running contract, the phase chain. */
function checkScalars(uds: Uds): void {
  int('creditBalance', uds.creditBalance, 0, MAX_CREDITS);
  int('reputation', uds.reputation, MIN_REPUTATION, MAX_REPUTATION);
  u32('cartridgeHistory', uds.cartridgeHistory);
  u32('cipherSeed', uds.cipherSeed);
  u32('boardSerial', uds.boardSerial);
  u32('runCount', uds.runCount);
  int('savedAt', uds.savedAt, 0, MAX_TIMESTAMP_MS);
  bounded('cartLastSeen', uds.cartLastSeen, 32);
  uds.cartLastSeen.forEach((s, i) => {
    if (!isCartMask(s.mask)) throw new RangeError(`UDS cartLastSeen[${i}].mask ${s.mask} is not a single cartridge bit`);
    if ((uds.cartridgeHistory & s.mask) === 0) throw new RangeError(`UDS cartLastSeen[${i}] names cartridge 0x${hex(s.mask)} whose cartridgeHistory bit is clear`);
    int(`cartLastSeen[${i}].at`, s.at, 0, MAX_TIMESTAMP_MS);
  });
  sortedUnique(
    'cartLastSeen masks',
    uds.cartLastSeen.map((s) => s.mask),
  );
  if (uds.active !== null) {
    checkEntry('active.entry', uds.active.entry);
    int('active.acceptedAt', uds.active.acceptedAt, 0, MAX_TIMESTAMP_MS);
  }
  if (!(uds.phaseChain instanceof Uint8Array) || uds.phaseChain.length !== PHASE_CHAIN_BYTES) {
    throw new RangeError(`UDS phaseChain must be exactly ${PHASE_CHAIN_BYTES} bytes`);
  }
  u32('session', uds.session);
}

function checkKnowledge(index: Uds['knowledgeIndex']): void {
  bounded('knowledgeIndex', index, MAX_KNOWLEDGE_DOMAINS);
  index.forEach((k, i) => {
    name(`knowledgeIndex[${i}].domain`, k.domain);
    int(`knowledgeIndex[${i}].points`, k.points, 0, MAX_INTEL);
  });
  sortedUnique(
    'knowledgeIndex domains',
    index.map((k) => k.domain),
  );
}

function checkAccessFlags(flags: Uds['accessFlags']): void {
  bounded('accessFlags', flags, MAX_ACCESS_FLAGS);
  flags.forEach((f, i) => name(`accessFlags[${i}]`, f));
  sortedUnique('accessFlags', flags);
}

function checkBoardList(board: Uds['board']): void {
  bounded('board', board, BOARD_MAX);
}

function checkSpent(keys: Uds['spentOpportunities']): void {
  bounded('spentOpportunities', keys, MAX_SPENT_OPPORTUNITIES);
  keys.forEach((k, i) => u32(`spentOpportunities[${i}]`, k));
}

function checkObligationList(obligations: Uds['obligations']): void {
  bounded('obligations', obligations, MAX_OBLIGATIONS);
}

function checkObligation(o: Obligation, i: number, session: number): void {
  const f = `obligations[${i}]`;
  u32(`${f}.contractId`, o.contractId);
  name(`${f}.schema`, o.schema);
  if (!OBLIGATION_KINDS.includes(o.kind)) throw new RangeError(`UDS ${f}.kind is not one of ${OBLIGATION_KINDS.join(', ')}`);
  int(`${f}.credits`, o.credits, 0, MAX_CREDITS);
  int(`${f}.reputation`, o.reputation, MIN_REPUTATION, MAX_REPUTATION);
  int(`${f}.intel`, o.intel, 0, MAX_INTEL);
  name(`${f}.domain`, o.domain);
  bounded(`${f}.access`, o.access, MAX_OBLIGATION_FLAGS);
  o.access.forEach((a, j) => name(`${f}.access[${j}]`, a));
  int(`${f}.earnedSession`, o.earnedSession, 0, session);
  int(`${f}.lastPaidSession`, o.lastPaidSession, 0, session);
  // A deferred obligation is gone once paid; a recurring one once it has paid RECURRING_CHECKINS times.
  int(`${f}.payments`, o.payments, 0, o.kind === 'deferred' ? 0 : RECURRING_CHECKINS - 1);
}

function checkProvenanceList(log: Uds['provenance']): void {
  bounded('provenance', log, MAX_PROVENANCE);
}

function checkProvenanceRecord(p: ProvenanceRecord, i: number): void {
  const f = `provenance[${i}]`;
  u32(`${f}.run`, p.run);
  int(`${f}.at`, p.at, 0, MAX_TIMESTAMP_MS);
  name(`${f}.schema`, p.schema);
  u32(`${f}.contractId`, p.contractId);
  u32(`${f}.carts`, p.carts);
  int(`${f}.threat`, p.threat, 1, MAX_THREAT);
  if (!RUN_OUTCOMES.includes(p.outcome)) throw new RangeError(`UDS ${f}.outcome is not one of ${RUN_OUTCOMES.join(', ')}`);
  u32(`${f}.credits`, p.credits);
  int(`${f}.reputation`, p.reputation, MIN_REPUTATION, MAX_REPUTATION);
  int(`${f}.trace`, p.trace, 0, 100);
  int(`${f}.bonuses`, p.bonuses, 0, 3);
}
