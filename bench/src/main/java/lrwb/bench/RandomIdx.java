package lrwb.bench;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes an {@code idx:} folder of random images and labels (MNIST's file format, any size), so the benchmark
 * can time MNIST-sized and digits-sized networks through the real data path without downloading anything.
 */
final class RandomIdx {
    private RandomIdx() {
    }

    static Path write(Path dir, int side, int classes, int trainCount, int testCount, long seed) throws IOException {
        Files.createDirectories(dir);
        Random random = new Random(seed);
        writePart(dir, "train", side, classes, trainCount, random);
        writePart(dir, "t10k", side, classes, testCount, random);
        return dir;
    }

    private static void writePart(Path dir, String prefix, int side, int classes, int count, Random random) throws IOException {
        byte[] pixels = new byte[count * side * side];
        random.nextBytes(pixels);
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-images-idx3-ubyte")))) {
            out.writeInt(0x00000803);
            out.writeInt(count);
            out.writeInt(side);
            out.writeInt(side);
            out.write(pixels);
        }
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            labels[i] = (byte) (i < classes ? i : random.nextInt(classes)); // every class present
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve(prefix + "-labels-idx1-ubyte")))) {
            out.writeInt(0x00000801);
            out.writeInt(count);
            out.write(labels);
        }
    }
}
