package lrwb.engine.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run's {@link RunFiles#EPOCH_PARAMETERS} holds (2-D training runs write it; see {@link EpochParametersLog}):
 * the parameters after each recorded epoch, in order. Never throws on damage: whole records are returned and
 * {@link #problems()} says what is wrong (a cut last record is expected after a kill and not a problem).
 *
 * @param paramCount parameters per epoch; 0 when there is no readable file
 */
public record EpochParametersRecord(int paramCount, List<EpochParameters> epochs, List<String> problems) {
    public EpochParametersRecord {
        epochs = List.copyOf(epochs);
        problems = List.copyOf(problems);
    }

    /** Whether the run recorded any epoch's parameters. */
    public boolean isEmpty() {
        return epochs.isEmpty();
    }

    /** Reads a run folder's file; no file (not a 2-D run, or no epoch ended yet) is an empty record. */
    public static EpochParametersRecord read(Path dir) {
        Path file = dir.resolve(RunFiles.EPOCH_PARAMETERS);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new EpochParametersRecord(0, List.of(), List.of());
        } catch (IOException | OutOfMemoryError e) {
            return new EpochParametersRecord(0, List.of(), List.of(file.getFileName() + ": cannot be read: " + e.getMessage()));
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[EpochParametersLog.MAGIC.length];
        if (bytes.length >= EpochParametersLog.HEADER_BYTES) {
            in.get(magic);
        }
        if (!Arrays.equals(magic, EpochParametersLog.MAGIC)) {
            return new EpochParametersRecord(0, List.of(), List.of(file.getFileName() + ": not an epoch parameters file"));
        }
        int count = in.getInt();
        if (count < 1) {
            return new EpochParametersRecord(0, List.of(), List.of(file.getFileName() + ": " + count + " parameters per epoch"));
        }
        int size = EpochParametersLog.recordBytes(count);
        List<EpochParameters> epochs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int previous = -1;
        while (in.remaining() >= size) {
            int epoch = in.getInt();
            long iteration = in.getLong();
            float[] params = new float[count];
            in.asFloatBuffer().get(params);
            in.position(in.position() + Float.BYTES * count);
            if (epoch <= previous) {
                problems.add(file.getFileName() + ": epoch " + epoch + " after epoch " + previous + "; the rest is ignored");
                break;
            }
            previous = epoch;
            epochs.add(new EpochParameters(epoch, iteration, params));
        }
        return new EpochParametersRecord(count, epochs, problems);
    }
}
