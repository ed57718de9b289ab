/**
 * The replica side of the cross-AS protocol (DESIGN.md §4 steps 2-4, §5.6), as pure code: what a
 * replica of an AS does for cross-AS work, next to its consensus core and ledger. {@link
 * org.intertrust.gateway.protocol.replica.CrossAsReplica} opens the shares its gateway delivers,
 * signs the LOCKED or DECISION statement of each cross-AS record its ledger executes, and wraps the
 * share with its Ed25519 identity. {@link org.intertrust.gateway.protocol.replica.Provenance} is
 * the check every replica (and anyone auditing a ledger) applies to a gateway-submitted
 * transaction: its certificate bytes hold a {@link
 * org.intertrust.gateway.protocol.replica.ProvenanceBundle} (proof, the dealing whose key verifies
 * it, the transaction's terms) that must verify against a dealing made by one of the replica's own
 * AS's gateway enclaves. {@link org.intertrust.gateway.protocol.replica.TransferTerms} binds a
 * TRANSFER's cross-AS id to its terms.
 */
package org.intertrust.gateway.protocol.replica;
