package lrwb.engine.sweep;
// TEMPORARY contract copy (branch sweepui); replaced by the sweep branch's file on merge.
public record SweepRow(int cell, double lr, String optimizer, String schedule, String model, int batch, long seed,
                       int epochs, String dataset, String status, double bestValAccuracy, double finalValAccuracy,
                       double bestValLoss, double finalValLoss, double finalTrainLoss, int epochsDone, double seconds,
                       String run) {
}
