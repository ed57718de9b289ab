/**
 * Simulation campaigns (issue #7): many seeded runs of the cross-AS scenario ({@link
 * org.intertrust.sim.crossas.CrossAsScenario}), each over a configuration and fault schedule drawn
 * from its seed ({@link org.intertrust.sim.campaign.CampaignDraw}), run on several threads with
 * results in seed order ({@link org.intertrust.sim.campaign.Campaign}). Every draw is expressible
 * as one {@code intertrust sim --scenario cross-as} command, so a failure replays from the command
 * it prints (ADR 0014).
 */
package org.intertrust.sim.campaign;
