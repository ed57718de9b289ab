/**
 * The ledger as the payload of an AS's consensus: a bounded {@link
 * org.intertrust.ledger.replication.Mempool} of client transactions, the {@link
 * org.intertrust.ledger.replication.PayloadBatch} a leader proposes and replicas check, execution
 * of committed batches into ledger blocks ({@link
 * org.intertrust.ledger.replication.LedgerReplica}), and the f+1 threshold {@link
 * org.intertrust.ledger.replication.ExecutionCertificate} over each executed block's state hash.
 * Pure and deterministic like the rest of the ledger: no clock, I/O, threads or unseeded
 * randomness; consensus is reached through plain values (height, time, proposer, payload bytes), so
 * this package does not depend on the consensus module.
 */
package org.intertrust.ledger.replication;
