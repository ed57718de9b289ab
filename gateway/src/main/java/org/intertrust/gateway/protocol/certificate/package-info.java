/**
 * What replicas sign across ASs and what gateways relay (DESIGN.md §4): the LOCKED, DECISION and
 * batch-root statements with their canonical encodings, threshold certificates over them naming the
 * dealing they were signed with, per-transaction proofs (a direct certificate, or a batch
 * certificate with a Merkle path) and their verification.
 */
package org.intertrust.gateway.protocol.certificate;
