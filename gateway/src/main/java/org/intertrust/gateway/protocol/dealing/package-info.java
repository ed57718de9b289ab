/**
 * Which dealing a cross-AS transaction uses (DESIGN.md §4): per transaction (the paper's mode) or
 * per session (one dealing per AS pair and epoch, rotated after a number of transactions or an
 * elapsed time), the port through which dealings are made inside the enclave, and the references
 * certificates use to name their dealing.
 */
package org.intertrust.gateway.protocol.dealing;
