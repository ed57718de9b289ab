/**
 * Test-only fixtures that sit in a protocol-core package ({@code org.intertrust.consensus..}) so
 * that the protocol-core rules apply to them: each nested class of {@link CoreRuleViolations}
 * breaks one rule, {@link DeterministicCore} breaks none. Not part of the consensus module.
 */
package org.intertrust.consensus.archfixture;
