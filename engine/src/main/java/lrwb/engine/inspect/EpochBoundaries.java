package lrwb.engine.inspect;

import lrwb.engine.run.AtomicFile;
import lrwb.engine.run.EpochParameters;
import lrwb.engine.run.EpochParametersRecord;
import lrwb.engine.run.RunFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code lrwb inspect --boundary-epochs}: a 2-D run's decision boundary after chosen epochs, from the parameters the
 * run recorded ({@link RunFiles#EPOCH_PARAMETERS}), one {@code boundary-epoch-NNNN.png} each (epochs from 1, as the
 * window counts them), drawn like {@code boundary.png}.
 */
public final class EpochBoundaries {
    private EpochBoundaries() {
    }

    /**
     * The recorded epochs a choice names: {@code all}, or epochs from 1 separated by commas.
     *
     * @throws InspectException naming the option and the rule: data that is not 2-D, a run that recorded no epochs,
     *                          an epoch that is no number or was not recorded
     */
    public static List<EpochParameters> choose(RunInspection run, String choice) {
        if (!run.isPlane()) {
            throw new InspectException("--boundary-epochs needs a run on 2-D data; " + run.data().name() + " is not");
        }
        EpochParametersRecord record = run.recordedEpochs();
        if (record.isEmpty()) {
            throw new InspectException("--boundary-epochs: " + run.dir() + " recorded no epoch's parameters ("
                    + RunFiles.EPOCH_PARAMETERS + "; runs record them since the live decision boundary)");
        }
        if (choice.strip().equals("all")) {
            return record.epochs();
        }
        List<EpochParameters> chosen = new ArrayList<>();
        for (String part : choice.split(",", -1)) {
            int epoch;
            try {
                epoch = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new InspectException("--boundary-epochs must be 'all' or epochs from 1 separated by commas (got '"
                        + part.strip() + "')");
            }
            chosen.add(record.epochs().stream().filter(e -> e.epoch() + 1 == epoch).findFirst().orElseThrow(() ->
                    new InspectException("--boundary-epochs " + epoch + ": not recorded; the run recorded "
                            + describe(record.epochs()))));
        }
        return chosen;
    }

    private static String describe(List<EpochParameters> epochs) {
        int first = epochs.get(0).epoch() + 1;
        int last = epochs.get(epochs.size() - 1).epoch() + 1;
        return epochs.size() == last - first + 1 ? "epochs " + first + " to " + last
                : epochs.size() + " epochs from " + first + " to " + last + " (every few of a long run)";
    }

    /** Writes each chosen epoch's picture into {@code out} (created if missing), one file at a time. */
    public static List<Path> write(RunInspection run, List<EpochParameters> epochs, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (EpochParameters epoch : epochs) {
            BufferedImage picture = run.boundaryPicture(run.boundaryAt(epoch, DecisionBoundary.DEFAULT_SIZE),
                    InspectionReport.BOUNDARY_PIXELS);
            Path file = out.resolve(fileName(epoch.epoch() + 1));
            AtomicFile.write(file, stream -> ImageIO.write(picture, "png", stream));
            written.add(file);
        }
        return written;
    }

    /** {@code boundary-epoch-0007.png} for epoch 7 (from 1): sorted by name, sorted by epoch. */
    public static String fileName(int epoch) {
        return String.format(Locale.ROOT, "boundary-epoch-%04d.png", epoch);
    }
}
