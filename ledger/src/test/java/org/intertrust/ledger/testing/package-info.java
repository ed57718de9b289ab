/** Test fixtures shared by the ledger tests: seeded keys, sample transactions, a chain driver. */
package org.intertrust.ledger.testing;
