/**
 * Audit log access and chain verification.
 *
 * <p>
 * <b>Capture.</b> AFTER triggers ({@code audit.capture}) write one {@code audit.log}
 * entry per changed row, in the transaction that changes it, with masked old and new row
 * images and the actor that {@code
 * ActorTransactionManager} put into the transaction; {@code audit.record_event} does the
 * same for events that change no audited row, such as sign-ins. A BEFORE INSERT trigger
 * sets each entry's {@code content_hash}, a SHA-256 over the canonical text of all its
 * other columns ({@code audit.content_hash}).
 *
 * <p>
 * <b>Append-only.</b> No role but the owner holds UPDATE, DELETE or TRUNCATE on
 * {@code audit.log} and {@code
 * audit.chain}, and triggers reject all three even for the owner, who would first have to
 * disable them.
 *
 * <p>
 * <b>Tamper evidence without serializing writers.</b> Chaining each entry to the previous
 * one at insert time would make every audited transaction wait for the one before it to
 * commit. Instead writers only append to {@code
 * audit.log}, concurrently, and a sealer ({@code audit.seal()}, run every second by
 * {@code AuditSealJob} ({@code
 * getaways.audit.seal-interval}) and before each verification) appends to
 * {@code audit.chain}, in log id order,
 * {@code chain_hash = sha256(previous chain_hash || content_hash)}. Only one sealer runs
 * at a time (an advisory transaction lock that writers never take). It must never seal an
 * entry while an entry with a lower id may still commit, or that entry would be skipped;
 * ids are taken in insert order, not commit order. So each run notes the highest log id
 * allocated so far and then takes a transaction id of its own (entries take their id only
 * after their transaction has one); a later run seals up to that noted id once the noted
 * transaction id is below {@code
 * pg_snapshot_xmin}, because by then every transaction that may hold such an id has
 * finished, and every entry it seals has {@code txid < pg_snapshot_xmin}. An entry is
 * therefore sealed one to two seal intervals after its commit, later while an older
 * transaction stays open. The identity sequence of {@code audit.log} must keep {@code
 * CACHE 1} for this reasoning to hold.
 *
 * <p>
 * <b>Verification</b> ({@link io.getaways.audit.AuditLog#verify()},
 * {@code getaways.jar audit verify}) seals, then walks the sealed range in id order,
 * recomputing every content hash and chain link in SQL with the same function the trigger
 * uses, and reports the first entry that does not match. Entries after the sealed range
 * are not checked yet. A hash chain alone cannot reveal that its newest entries were
 * removed together with their chain rows; anchoring the newest chain hash outside the
 * database would.
 */
@org.springframework.modulith.ApplicationModule(displayName = "audit",
		allowedDependencies = { "platform", "platform :: config", "platform :: web" })
package io.getaways.audit;
