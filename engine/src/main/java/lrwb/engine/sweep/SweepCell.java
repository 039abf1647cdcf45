package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
import lrwb.engine.train.TrainingRequest;
import java.util.Map;
public record SweepCell(int index, TrainingRequest request, Map<String, String> axisValues, double peakLr) {
    public String folderName() { return String.format("%04d", index); }
}
