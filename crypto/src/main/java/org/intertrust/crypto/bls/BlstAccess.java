package org.intertrust.crypto.bls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * Reaches the raw limbs behind jblst's point objects, so that points can be handed to the native
 * multi-scalar multiplication without a serialize and re-parse round trip.
 *
 * <p>jblst keeps each C struct in a Java {@code long[]} and exposes it only through protected
 * members; this class opens them once with method handles. Callers copy the limbs, never keep the
 * array.
 */
final class BlstAccess {
  private static final MethodHandle P1_AFFINE_LIMBS = getter(P1_Affine.class);
  private static final MethodHandle P2_AFFINE_LIMBS = getter(P2_Affine.class);
  private static final MethodHandle P1_FROM_LIMBS = constructor(P1.class);
  private static final MethodHandle P2_FROM_LIMBS = constructor(P2.class);

  private BlstAccess() {}

  static long[] limbs(P1_Affine point) {
    try {
      return (long[]) P1_AFFINE_LIMBS.invokeExact(point);
    } catch (Throwable t) {
      throw new IllegalStateException("jblst internals changed", t);
    }
  }

  static long[] limbs(P2_Affine point) {
    try {
      return (long[]) P2_AFFINE_LIMBS.invokeExact(point);
    } catch (Throwable t) {
      throw new IllegalStateException("jblst internals changed", t);
    }
  }

  static P1 p1(long[] limbs) {
    try {
      return (P1) P1_FROM_LIMBS.invokeExact(limbs);
    } catch (Throwable t) {
      throw new IllegalStateException("jblst internals changed", t);
    }
  }

  static P2 p2(long[] limbs) {
    try {
      return (P2) P2_FROM_LIMBS.invokeExact(limbs);
    } catch (Throwable t) {
      throw new IllegalStateException("jblst internals changed", t);
    }
  }

  private static MethodHandle getter(Class<?> type) {
    try {
      var method = type.getDeclaredMethod("getCPtr", type);
      method.setAccessible(true);
      return MethodHandles.lookup()
          .unreflect(method)
          .asType(MethodType.methodType(long[].class, type));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private static MethodHandle constructor(Class<?> type) {
    try {
      var constructor = type.getDeclaredConstructor(long[].class);
      constructor.setAccessible(true);
      return MethodHandles.lookup()
          .unreflectConstructor(constructor)
          .asType(MethodType.methodType(type, long[].class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
