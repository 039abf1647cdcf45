package lrwb.engine.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@link RunFiles#EPOCH_PARAMETERS}: big-endian, the header {@link #MAGIC} and the parameter count (int), then
 * one record per recorded epoch — epoch (int), iteration (long), the parameters (floats) — each appended with one
 * write as its epoch ends, so the file always holds whole epochs but perhaps the last, which a kill can cut and the
 * reader ({@link EpochParametersRecord}) drops. Every epoch is recorded while the file stays under
 * {@link #MAX_BYTES}; a longer run of a larger network records every k-th epoch and always its last. Job thread only.
 */
final class EpochParametersLog implements AutoCloseable {
    static final byte[] MAGIC = "LRWBEPP1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER_BYTES = MAGIC.length + Integer.BYTES;
    /** What a run's file may grow to at most: 10,000 epochs of a 1,600-parameter MLP. */
    static final long MAX_BYTES = 64L << 20;

    private final FileChannel channel;
    private final int paramCount;
    private final int stride;
    private final int epochs;
    private final ByteBuffer record;

    private EpochParametersLog(FileChannel channel, int paramCount, int epochs) {
        this.channel = channel;
        this.paramCount = paramCount;
        this.epochs = epochs;
        this.stride = stride(paramCount, epochs);
        this.record = ByteBuffer.allocate(recordBytes(paramCount));
    }

    static int recordBytes(int paramCount) {
        return Integer.BYTES + Long.BYTES + Float.BYTES * paramCount;
    }

    /** Every how many epochs one is recorded, so {@code epochs} of them stay under {@link #MAX_BYTES}. */
    static int stride(int paramCount, int epochs) {
        long total = (long) recordBytes(paramCount) * Math.max(1, epochs);
        return (int) Math.max(1, (total + MAX_BYTES - 1) / MAX_BYTES);
    }

    /** Creates (or truncates) the file and writes its header. */
    static EpochParametersLog create(Path file, int paramCount, int epochs) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(paramCount).flip();
            while (header.hasRemaining()) {
                channel.write(header);
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new EpochParametersLog(channel, paramCount, epochs);
    }

    /** Appends epoch {@code epoch}'s parameters, unless the stride skips it. */
    void append(int epoch, long iteration, float[] params) throws IOException {
        if (params.length != paramCount) {
            throw new IllegalArgumentException(params.length + " parameters, the file holds " + paramCount);
        }
        if ((epoch + 1) % stride != 0 && epoch != epochs - 1) {
            return;
        }
        record.clear();
        record.putInt(epoch).putLong(iteration);
        record.asFloatBuffer().put(params);
        record.position(record.capacity()).flip();
        while (record.hasRemaining()) {
            channel.write(record);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
