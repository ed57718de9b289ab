/**
 * Ledger state: balances per (account, asset), native supply, nonces, escrows, the escrow pool
 * backing vouchers on other ASs, vouchers outstanding, cross-AS records and application inboxes.
 *
 * <p>The state is a fixed list of {@link org.intertrust.ledger.state.Section sorted sections}.
 * {@link org.intertrust.ledger.state.LedgerState} is an immutable snapshot; {@link
 * org.intertrust.ledger.state.MutableState} is the working copy a block is executed on. {@link
 * org.intertrust.ledger.state.StateHasher} digests a snapshot in section and key order, so equal
 * states have equal hashes on every replica; {@link org.intertrust.ledger.state.Audit} checks the
 * accounting invariants (DESIGN.md section 5, invariant 2, as far as one AS can see it).
 */
package org.intertrust.ledger.state;
