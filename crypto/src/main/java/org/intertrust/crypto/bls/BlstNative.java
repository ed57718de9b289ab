package org.intertrust.crypto.bls;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Direct JNA bindings to the few blst functions that the jblst SWIG wrapper does not expose:
 * Pippenger multi-scalar multiplication in G1 and G2.
 *
 * <p>The library is the very {@code libblst} that jblst bundles, extracted from the same jar
 * resource to a private temporary file and opened a second time; the functions used here are pure
 * (no global state), so the two copies do not interact.
 *
 * <p>Conventions of blst's C API followed here: {@code size_t} is 64-bit on every platform jblst
 * ships; an array of points or scalars is passed as {@code {base, NULL}}, which blst reads as one
 * contiguous array; scalars are 32-byte little-endian; points must not be at infinity.
 */
final class BlstNative {
  /** Bytes of a {@code blst_p1_affine}: two 384-bit field elements. */
  static final int P1_AFFINE_BYTES = 96;

  /** Bytes of a {@code blst_p1}: three 384-bit field elements (Jacobian). */
  static final int P1_BYTES = 144;

  /** Bytes of a {@code blst_p2_affine}: two elements of Fp2. */
  static final int P2_AFFINE_BYTES = 192;

  /** Bytes of a {@code blst_p2}: three elements of Fp2 (Jacobian). */
  static final int P2_BYTES = 288;

  static {
    Native.register(BlstNative.class, NativeLibrary.getInstance(extractLibrary().toString()));
  }

  private BlstNative() {}

  static native long blst_p1s_mult_pippenger_scratch_sizeof(long npoints);

  static native void blst_p1s_mult_pippenger(
      Pointer ret, Pointer points, long npoints, Pointer scalars, long nbits, Pointer scratch);

  static native long blst_p2s_mult_pippenger_scratch_sizeof(long npoints);

  static native void blst_p2s_mult_pippenger(
      Pointer ret, Pointer points, long npoints, Pointer scalars, long nbits, Pointer scratch);

  /** Returns a two-pointer array {@code {base, NULL}}: blst's notation for a contiguous array. */
  static Memory contiguous(Pointer base) {
    Memory array = new Memory(2L * Native.POINTER_SIZE);
    array.setPointer(0, base);
    array.setPointer(Native.POINTER_SIZE, Pointer.NULL);
    return array;
  }

  private static Path extractLibrary() {
    String os = System.getProperty("os.name").replaceFirst(" .*", "");
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String resource =
        "/supranational/blst/" + os + "/" + arch + "/" + System.mapLibraryName("blst");
    try (InputStream in = supranational.blst.P1.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new UnsatisfiedLinkError("jblst ships no native blst for " + os + "/" + arch);
      }
      Path directory = Files.createTempDirectory("intertrust-blst");
      Path library = directory.resolve(System.mapLibraryName("blst"));
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
      library.toFile().deleteOnExit();
      directory.toFile().deleteOnExit();
      return library;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the native blst library", e);
    }
  }
}
