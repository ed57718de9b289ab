package org.intertrust.sim.network;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The network's configuration and its current partitions.
 *
 * <p>Every directed link uses the default profile unless overridden with {@link #setLink}.
 * Partitions are added and removed by the engine at their scheduled virtual times; a message is
 * dropped when an active partition separates its endpoints at the time it is sent or at the time it
 * arrives.
 */
public final class NetworkModel {
  private LinkProfile defaultProfile;
  private final Map<Long, LinkProfile> overrides = new HashMap<>();
  private final List<Partition> active = new ArrayList<>();

  /** A network whose links all follow {@code defaultProfile}. */
  public NetworkModel(LinkProfile defaultProfile) {
    this.defaultProfile = defaultProfile;
  }

  /** A reliable network with the default 10 ms delay. */
  public static NetworkModel reliable() {
    return new NetworkModel(LinkProfile.reliable());
  }

  /** Replaces the default profile of every link without an override. */
  public NetworkModel setDefault(LinkProfile profile) {
    this.defaultProfile = profile;
    return this;
  }

  /** Overrides the directed link {@code from -> to}. */
  public NetworkModel setLink(int from, int to, LinkProfile profile) {
    overrides.put(linkKey(from, to), profile);
    return this;
  }

  /** Overrides both directions between {@code a} and {@code b}. */
  public NetworkModel setBidirectional(int a, int b, LinkProfile profile) {
    return setLink(a, b, profile).setLink(b, a, profile);
  }

  /** The profile of the directed link {@code from -> to}. */
  public LinkProfile profile(int from, int to) {
    if (overrides.isEmpty()) {
      return defaultProfile;
    }
    return overrides.getOrDefault(linkKey(from, to), defaultProfile);
  }

  /** The default profile. */
  public LinkProfile defaultProfile() {
    return defaultProfile;
  }

  /** Whether no active partition separates {@code from} and {@code to}. */
  public boolean connected(int from, int to) {
    for (int i = 0; i < active.size(); i++) {
      if (active.get(i).separates(from, to)) {
        return false;
      }
    }
    return true;
  }

  /** Activates {@code partition} (the engine calls this at the partition's start time). */
  public void activate(Partition partition) {
    active.add(partition);
  }

  /** Heals {@code partition}; does nothing if it is not active. */
  public void heal(Partition partition) {
    active.remove(partition);
  }

  /** Number of active partitions. */
  public int activePartitions() {
    return active.size();
  }

  private static long linkKey(int from, int to) {
    return ((long) from << 32) | (to & 0xffffffffL);
  }
}
