/**
 * The tamper-evidence ledger's pure core: RFC 9162 Merkle trees and the C2SP transparency-log formats
 * (signed-note, tlog-checkpoint, tlog-tiles, tlog-cosignature, tlog-witness, tlog-policy, tlog-proof).
 * See README.md in this folder for the map and the storage contract.
 */
export {
  type Checkpoint,
  formatCheckpoint,
  openCheckpoint,
  parseCheckpoint,
  type SignedCheckpoint,
} from "./checkpoint.ts";
export { consistencyProof, consistencyProofAsync, planConsistencyProof } from "./consistency-proof.ts";
export {
  COSIGNATURE_SIZE,
  type CosignatureVerifier,
  type Cosigner,
  cosignatureMessage,
  cosignatureTimestamp,
  cosignatureVerifier,
  cosignerFromSeed,
  parseCosignatureVerifierKey,
} from "./cosignature.ts";
export { formatCosignerKey, parseCosignerKey } from "./cosigner-key.ts";
export { bytesEqual, fromBase64, fromHex, toBase64, toHex } from "./encoding.ts";
export { bundleLeafHashes, formatEntryBundle, MAX_ENTRY_SIZE, parseEntryBundle } from "./entry-bundle.ts";
export {
  EMPTY_FRONTIER,
  type Frontier,
  frontierFromHashes,
  frontierNodeIds,
  frontierRoot,
  type Integration,
  integrate,
  type StoredNode,
} from "./frontier.ts";
export { inclusionProof, inclusionProofAsync, planInclusionProof } from "./inclusion-proof.ts";
export { MemoryNodeStore } from "./memory-node-store.ts";
export { EMPTY_ROOT, HASH_SIZE, type Hash, leafHash, nodeHash, sha256 } from "./merkle-hash.ts";
export { merkleRoot, planRoot } from "./merkle-root.ts";
export { type NodeId, rangeNodes } from "./node-id.ts";
export {
  type AsyncNodeReader,
  foldPlan,
  type NodeReader,
  type ProofPlan,
  readPlan,
  readPlanAsync,
} from "./node-reader.ts";
export {
  decodeNodeTile,
  encodeNodeTile,
  locateNode,
  type NodeLocation,
  type NodeTile,
  type NodeTileKey,
  nodeFromTile,
  nodeTileWidth,
  partialTiles,
  tileKeyString,
  tlogTileBytes,
} from "./node-tile.ts";
export {
  computeKeyId,
  isValidKeyName,
  keyIdHex,
  type NoteSigner,
  type NoteVerifier,
  SignatureType,
} from "./note-key.ts";
export {
  type Ed25519NoteSigner,
  ed25519Signer,
  formatSignerKey,
  generateSignerKey,
  parseSignerKey,
} from "./note-signer-key.ts";
export {
  type Ed25519NoteVerifier,
  ed25519Verifier,
  formatVerifierKey,
  parseEd25519VerifierKey,
  parseVerifierKeyParts,
  type VerifierKeyParts,
} from "./note-verifier-key.ts";
export {
  formatPolicy,
  NO_QUORUM,
  type Policy,
  type PolicyGroup,
  type PolicyLog,
  type PolicyWitness,
  parsePolicy,
  quorumMet,
} from "./policy.ts";
export { type PolicyVerifiedCheckpoint, verifyCheckpointWithPolicy } from "./policy-verify.ts";
export { formatReceipt, parseReceipt, type ReceiptClaim, type VerifiedReceipt, verifyReceipt } from "./receipt.ts";
export {
  type JsonValue,
  RECORD_COMMITMENT_TAG,
  type RecordCommitmentInput,
  randomSalt,
  recordCommitment,
  SALT_SIZE,
} from "./record-commitment.ts";
export type { Check, LedgerError, LedgerErrorCode, Result } from "./result.ts";
export {
  formatNote,
  formatSignatureLine,
  MAX_SIGNATURES,
  type NoteSignature,
  type OpenedNote,
  openNote,
  type ParsedNote,
  parseNote,
  parseSignatureLine,
  signNote,
} from "./signed-note.ts";
export { hashesAtTileLevel, joinTile, splitTile, tileAt, tileNodeRange, tileWidth } from "./tile.ts";
export {
  formatTileIndex,
  type HashTileId,
  MAX_TILE_LEVEL,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  type TileId,
  tilePath,
} from "./tile-path.ts";
export {
  consistencyProofFromTiles,
  inclusionProofFromTiles,
  nodesFromTiles,
  type TileContents,
  tilesForNodes,
} from "./tile-proof.ts";
export {
  appendToTiles,
  EMPTY_TILE_TREE,
  type TileAppend,
  type TileTree,
  tileTreeFromPartialTiles,
} from "./tile-tree.ts";
export { formatTlogProof, parseTlogProof, TLOG_PROOF_HEADER, type TlogProof, verifyTlogProof } from "./tlog-proof.ts";
export { verifyConsistency } from "./verify-consistency.ts";
export { rootFromInclusionProof, verifyInclusion } from "./verify-inclusion.ts";
export {
  type AddCheckpointDecision,
  attachCosignatures,
  cosignResponse,
  decideAddCheckpoint,
  type WitnessedState,
} from "./witness-add-checkpoint.ts";
export {
  type AddCheckpointRequest,
  formatAddCheckpointRequest,
  formatConflictBody,
  formatCosignatureResponse,
  MAX_PROOF_LINES,
  parseAddCheckpointRequest,
  parseConflictBody,
  parseCosignatureResponse,
  TLOG_SIZE_CONTENT_TYPE,
} from "./witness-messages.ts";
